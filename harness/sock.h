/* SPDX-License-Identifier: GPL-2.0-only */
/* Sockets and the traced calls on them.  Each sock_*() call makes exactly
 * one system call, records it in the transcript and returns what the kernel
 * answered; judging the answer is expect_*()'s or must()'s business. */
#ifndef UDPC_SOCK_H
#define UDPC_SOCK_H

#include "addr.h"

/* A socket of the rule's, named by its role in the transcript (client,
 * server, ...): opaque; sock_fd() for a call the harness has no form for. */
struct sock;

#define CALL_DATA_MAX 512
#define CALL_LINE_MAX 512

/* One call as the kernel answered it. */
/* (Ordered for no padding: rules keep arrays of them, e.g. for recvmmsg().) */
struct call {
	long ret;                 /* the return value */
	long ok;                  /* the return value that means complete success */
	size_t len;               /* of data */
	size_t text_len;          /* how much of line is the call, before " = " */
	struct addr addr;         /* the address a call returned (source, name, peer) */
	int err;                  /* errno when ret == -1 */
	int value;                /* an option value read (getsockopt) */
	char data[CALL_DATA_MAX]; /* received bytes, if any */
	char line[CALL_LINE_MAX]; /* the transcript line */
};

struct sock *sock_open(struct probe *p, enum host h, const char *role);
struct sock *sock_open_type(struct probe *p, enum host h, const char *role, int type);
/* socket(the family's domain, SOCK_DGRAM, protocol) in host h's namespace,
 * closed at once: whether this kernel makes such a socket (ret 0) or not. */
struct call sock_socket_try(struct probe *p, enum host h, int protocol, const char *protocol_str);
/* The file descriptor, for an untraced call (one whose result must not be
 * in the transcript, e.g. draining a queue whose order is not fixed). */
int sock_fd(const struct sock *s);

struct call sock_bind(struct probe *p, struct sock *s, struct addr a);
struct call sock_connect(struct probe *p, struct sock *s, struct addr a);
/* connect(s, &a, len): a's bytes, but only len of them declared. */
struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len);
/* connect() with sa_family = AF_UNSPEC: the disconnect. */
struct call sock_disconnect(struct probe *p, struct sock *s);
struct call sock_send(struct probe *p, struct sock *s, const char *payload);
struct call sock_write(struct probe *p, struct sock *s, const char *payload);
struct call sock_sendto(struct probe *p, struct sock *s, const char *payload, struct addr to);
/* sendto(s, payload, len, 0, NULL, 0): a sendto() that names no destination. */
struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload);
/* sendto(s, payload, len, 0, &to, tolen): tolen chosen by the rule, e.g. one
 * byte short of the family's sockaddr. */
struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen);
/* sendmsg() with msg_name NULL, one iovec, no control data. */
struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload);
/* Waits for readability or an error (at most WAIT_MS), then recvfrom(). */
struct call sock_recv(struct probe *p, struct sock *s);
/* recvfrom() without waiting: what is queued now.  Only meaningful once
 * ordering has proven that what could have arrived has arrived. */
struct call sock_recv_nowait(struct probe *p, struct sock *s);
/* Waits for readability (at most WAIT_MS), then recvfrom(MSG_PEEK): shows
 * what is at the head of the queue and leaves it there, e.g. to prove a
 * datagram has arrived before the next step of the rule. */
struct call sock_recv_peek(struct probe *p, struct sock *s);
/* poll() on one socket for `events`, waiting at most WAIT_MS; value is the
 * revents the kernel answered, ok is 1 (the socket was ready). */
struct call sock_poll(struct probe *p, struct sock *s, short events);
struct call sock_getsockname(struct probe *p, struct sock *s);
struct call sock_getpeername(struct probe *p, struct sock *s);
/* getsockopt(SO_ERROR): value is the pending error it took (0: none). */
struct call sock_so_error(struct probe *p, struct sock *s);
/* setsockopt(s, level, name, &value): use SOCKOPT(SOL_SOCKET, SO_BROADCAST). */
struct call sock_setsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, int value);
#define SOCKOPT(level, name) (level), #level, (name), #name
/* setsockopt() of the option that makes the kernel queue the errors this
 * family's datagrams get: IPV6_RECVERR for IPv6, IP_RECVERR for IPv4 and
 * for mapped (ICMPv4 errors go through __udp4_lib_err(), which reads the
 * IPv4 flag even on an AF_INET6 socket). */
struct call sock_recverr_on(struct probe *p, struct sock *s);
/* Joins group on the socket's host.  IPv6: setsockopt(IPV6_JOIN_GROUP) on
 * interface 0, the one the kernel picks (every link has an ff00::/8
 * route).  IPv4 and mapped: setsockopt(SOL_IP, IP_ADD_MEMBERSHIP) on the
 * interface that has the host's own address (an AF_INET6 socket takes the
 * SOL_IP option too); interface INADDR_ANY would need a route to the group,
 * which no topology has. */
struct call sock_join_group(struct probe *p, struct sock *s, struct addr group);

/* Catalogue II: disconnect/shutdown/reuseport/state */

/* An AF_INET UDP socket whatever the probe's family: the IPv4 sockets a
 * mapped probe sets beside its AF_INET6 ones (addresses: addr_other_family(),
 * addr_inet_wildcard()). */
struct sock *sock_open_inet(struct probe *p, enum host h, const char *role);
/* shutdown(s, how): SHUT_RD, SHUT_WR, SHUT_RDWR, or any other value. */
struct call sock_shutdown(struct probe *p, struct sock *s, int how);
/* recvfrom() without MSG_DONTWAIT, bounded by SO_RCVTIMEO = WAIT_MS: a
 * datagram, 0 (end of file: the socket is shut down for reading), or
 * -1 EAGAIN when nothing came within the bound. */
struct call sock_recv_blocking(struct probe *p, struct sock *s);
/* setsockopt(SO_BINDTODEVICE, ifname); getsockopt(SO_BINDTODEVICE): data
 * holds the device name, len 0 when the socket is bound to no device. */
struct call sock_bindtodevice(struct probe *p, struct sock *s, const char *ifname);
struct call sock_bound_device(struct probe *p, struct sock *s);
/* setsockopt(SO_INCOMING_CPU): the CPU the probe runs on, or -1 (none). */
struct call sock_incoming_cpu(struct probe *p, struct sock *s, bool this_cpu);
/* SO_ATTACH_REUSEPORT_CBPF: a classic BPF program that picks the group
 * member whose index is the datagram's first byte minus '0' ("1..." picks
 * socks[1]), so the choice depends on no hash. */
struct call sock_reuseport_cbpf_by_payload(struct probe *p, struct sock *s);
/* Catalogue II: receive/errors */

/* recvmsg() of buflen bytes with flags (MSG_TRUNC, MSG_PEEK, MSG_WAITALL,
 * or 0), once the socket is readable (at most WAIT_MS), MSG_DONTWAIT
 * added: ret is what the kernel returned (with MSG_TRUNC the datagram's
 * real length), data/len the bytes it copied, addr the source, value the
 * msg_flags it answered.  Use RECVFLAGS(MSG_PEEK) or RECVFLAGS(0). */
struct call sock_recvmsg_flags(struct probe *p, struct sock *s, size_t buflen, int flags,
			       const char *flags_str);
#define RECVFLAGS(flags) (flags), #flags
/* read(), recv(s, buf, CALL_DATA_MAX, 0) and readv() into two iovecs (the
 * first first_len bytes long), once the socket is readable; the descriptor
 * is O_NONBLOCK for the call, so that nothing queued reads as EAGAIN. */
struct call sock_read(struct probe *p, struct sock *s);
struct call sock_recv_noname(struct probe *p, struct sock *s);
struct call sock_readv(struct probe *p, struct sock *s, size_t first_len);
/* recvfrom() once readable, with addrlen bytes of room for the source:
 * addr holds what the kernel wrote (the rest zero) and addr.len the length
 * it answered. */
struct call sock_recvfrom_addrlen(struct probe *p, struct sock *s, socklen_t addrlen);
/* recvmmsg(s, vlen messages, MSG_DONTWAIT) once the socket is readable: ret
 * is the number of messages, msgs[i] the i-th as a receive call (data,
 * len, addr, value = its msg_flags). */
#define RECVMMSG_MAX 4
struct call sock_recvmmsg(struct probe *p, struct sock *s, unsigned vlen,
			  struct call msgs[RECVMMSG_MAX]);
/* ioctl(s, request, &n) of an int (FIONREAD, SIOCINQ): value is n.  Use
 * IOCTL(FIONREAD). */
struct call sock_ioctl_int(struct probe *p, struct sock *s, unsigned long request,
			   const char *request_str);
#define IOCTL(request) (request), #request
/* getsockopt() of an int with optlen bytes of room: value is what it read,
 * len the optlen the kernel answered.  Use SOCKOPT(SOL_SOCKET, SO_ERROR). */
struct call sock_getsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, socklen_t optlen);

/* setsockopt() of the hop count of this family's unicast datagrams:
 * IP_TTL for IPv4 and mapped (udp_sendmsg() reads inet->uc_ttl),
 * IPV6_UNICAST_HOPS for IPv6. */
struct call sock_hops_set(struct probe *p, struct sock *s, int hops);
/* close(s): the socket is gone (its port free, its peer's datagrams
 * answered with ICMP port unreachable); s must not be used again. */
struct call sock_close(struct probe *p, struct sock *s);

/* Catalogue II: connect/send */
/* send(s, payload, len, flags) with flags named in the transcript:
 * sock_send_flags(p, s, "hel", SENDFLAG(MSG_MORE)). */
struct call sock_send_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			    const char *flags_str);
#define SENDFLAG(flag) (flag), #flag
/* sendto() and sendmsg() (msg_name = &to) with flags named in the transcript. */
struct call sock_sendto_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			      const char *flags_str, struct addr to);
struct call sock_sendmsg_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			       const char *flags_str, struct addr to);
/* send(), sendto(), sendmsg() of size bytes of 'x' (a datagram too large to
 * show in full). */
struct call sock_send_size(struct probe *p, struct sock *s, size_t size);
struct call sock_sendto_size(struct probe *p, struct sock *s, size_t size, struct addr to);
struct call sock_sendmsg_size(struct probe *p, struct sock *s, size_t size, struct addr to);
/* writev(), and sendmsg() without a name: one iovec per part of the
 * NULL-terminated list, together one datagram. */
struct call sock_writev(struct probe *p, struct sock *s, const char *const *parts);
struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts);
/* sendmsg() with msg_name = &to and msg_namelen = namelen (0, -1, or longer
 * than any sockaddr), one iovec. */
struct call sock_sendmsg_namelen(struct probe *p, struct sock *s, const char *payload, struct addr to,
				 socklen_t namelen);
/* sendmmsg(s, msgs, n, 0) without names: each payload of the NULL-terminated
 * list one message; ret is the number of messages sent (ok: all of them). */
struct call sock_sendmmsg_noname(struct probe *p, struct sock *s, const char *const *payloads);
/* sendto(s, payload, len, 0, NULL, tolen): no address, a length anyway. */
struct call sock_sendto_null_len(struct probe *p, struct sock *s, const char *payload, socklen_t tolen);
/* Waits like sock_recv(), then recvfrom(MSG_TRUNC): ret is the length of the
 * whole datagram, the first CALL_DATA_MAX bytes are in data. */
struct call sock_recv_length(struct probe *p, struct sock *s);
/* setsockopt(SOL_IP, IP_MULTICAST_IF, &in_addr): the outgoing interface
 * named by the socket host's own IPv4 address (IPv4 and mapped). */
struct call sock_multicast_if_addr(struct probe *p, struct sock *s);
/* The outgoing interface named by its index, the link with the socket host's
 * address: IP_MULTICAST_IF with a struct ip_mreqn (IPv4, mapped) or
 * IPV6_MULTICAST_IF (IPv6). */
struct call sock_multicast_if_index(struct probe *p, struct sock *s);
/* IP_MULTICAST_LOOP on an AF_INET socket, IPV6_MULTICAST_LOOP on an
 * AF_INET6 one (mapped too: sk_mc_loop() reads the flag of the socket's
 * family, whatever the datagram's), on (1) or off (0). */
struct call sock_multicast_loop(struct probe *p, struct sock *s, int on);

#endif
