/* udpconform harness: asynchronous errors and the calls that report them.
 *
 * poll(), recvmsg(MSG_ERRQUEUE) with its sock_extended_err, and a
 * recvfrom() that blocks in a second thread.  Same two kinds as udpc.h:
 * sock_*() make one traced call, expect_*() judge one answer.
 */
#ifndef UDPC_ERRQ_H
#define UDPC_ERRQ_H

#include "udpc.h"

#include <linux/errqueue.h>

/* poll() on one socket for `events`, waiting at most WAIT_MS; value is the
 * revents the kernel answered, ok is 1 (the socket was ready). */
struct call sock_poll(struct probe *p, struct sock *s, short events);
/* revents exactly `want` (POLLERR, POLLIN|POLLOUT, ...). */
void expect_revents(struct probe *p, struct call c, short want);

/* One message of the error queue, as recvmsg(MSG_ERRQUEUE) gave it. */
struct errq_msg {
	struct call call;
	int cmsg_level, cmsg_type; /* of the RECVERR control message; -1: none */
	struct sock_extended_err ee;
	struct addr offender; /* SO_EE_OFFENDER(ee) */
	int msg_flags;        /* Catalogue II: what recvmsg() answered in msg_flags */
	int ncmsg;            /* and how many control messages it carried */
};

/* What a rule expects of a sock_extended_err. */
struct ee_want {
	int cmsg_level, cmsg_type; /* SOL_IP/IP_RECVERR, SOL_IPV6/IPV6_RECVERR */
	int err;                   /* ee_errno */
	int origin;                /* SO_EE_ORIGIN_ICMP, SO_EE_ORIGIN_ICMP6 */
	int type, code;            /* ee_type, ee_code */
	struct addr offender;      /* port ignored: an ICMP source has none */
};

/* The error queue entry of an ICMP port unreachable sent by the server
 * about a datagram of the probe's family: ICMP 3/3 reported as SOL_IP
 * (IPv4), ICMPv6 1/4 as SOL_IPV6 (IPv6), ICMP 3/3 as SOL_IPV6 (mapped:
 * ipv6_recv_error() reads the queue of every AF_INET6 socket). */
struct ee_want ee_port_unreachable(struct probe *p);

/* setsockopt() of the option that makes the kernel queue the errors this
 * family's datagrams get: IPV6_RECVERR for IPv6, IP_RECVERR for IPv4 and
 * for mapped (ICMPv4 errors go through __udp4_lib_err(), which reads the
 * IPv4 flag even on an AF_INET6 socket). */
struct call sock_recverr_on(struct probe *p, struct sock *s);

/* recvmsg(MSG_ERRQUEUE | MSG_DONTWAIT): the oldest queued error, now. */
struct errq_msg sock_recv_errqueue(struct probe *p, struct sock *s);
void expect_errqueue(struct probe *p, struct errq_msg m, struct ee_want want);

/* A recvfrom() without MSG_DONTWAIT made by a second thread: start returns
 * once that thread is asleep inside recvfrom() (ERROR if it is not within
 * WAIT_MS), finish collects its answer.  SO_RCVTIMEO = WAIT_MS bounds the
 * wait, so a wake-up that never comes shows up as EAGAIN. */
struct blocked_recv;
struct blocked_recv *sock_recv_block_start(struct probe *p, struct sock *s);
struct call sock_recv_block_finish(struct probe *p, struct blocked_recv *b);

/* Catalogue II: receive/errors */

/* recvmsg(MSG_ERRQUEUE) with a buffer of buflen bytes, MSG_DONTWAIT only if
 * dontwait: the whole answer (msg_name and msg_namelen in call.addr,
 * msg_flags, the number of control messages) traced. */
struct errq_msg sock_recv_errqueue_full(struct probe *p, struct sock *s, size_t buflen, bool dontwait);

#endif
