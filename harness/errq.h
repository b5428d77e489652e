/* SPDX-License-Identifier: GPL-2.0-only */
/* The error queue: recvmsg(MSG_ERRQUEUE) and its sock_extended_err.  The
 * option that fills it is sockopt_recverr_on(); expect_errqueue() judges it. */
#ifndef UDPC_ERRQ_H
#define UDPC_ERRQ_H

#include "sock.h"

#include <linux/errqueue.h>

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

/* recvmsg(MSG_ERRQUEUE | MSG_DONTWAIT): the oldest queued error, now. */
struct errq_msg errq_recv(struct probe *p, struct sock *s);

/* The error queue entry of an ICMP port unreachable sent by the server
 * about a datagram of the probe's family: ICMP 3/3 reported as SOL_IP
 * (IPv4), ICMPv6 1/4 as SOL_IPV6 (IPv6), ICMP 3/3 as SOL_IPV6 (mapped:
 * ipv6_recv_error() reads the queue of every AF_INET6 socket). */
struct ee_want errq_port_unreachable(struct probe *p);

/* "{SOL_IP, IP_RECVERR, ee_errno=ECONNREFUSED, ..., offender=198.18.0.2}" */
void errq_str(int level, int type, const struct sock_extended_err *ee, const struct addr *offender,
	      char *buf, size_t n);

/* Catalogue II: receive/errors */

/* recvmsg(MSG_ERRQUEUE) with a buffer of buflen bytes, MSG_DONTWAIT only if
 * dontwait: the whole answer (msg_name and msg_namelen in call.addr,
 * msg_flags, the number of control messages) traced. */
struct errq_msg errq_recv_full(struct probe *p, struct sock *s, size_t buflen, bool dontwait);

#endif
