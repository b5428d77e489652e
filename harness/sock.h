/* SPDX-License-Identifier: GPL-2.0-only */
/* A rule's socket, its life (open, bind, connect, names, poll, shutdown,
 * close), and struct call, what every traced call answers.  Each call makes
 * exactly one system call, records it in the transcript and returns what
 * the kernel answered; judging the answer is expect_*()'s or must()'s
 * business.  The calls on an open socket: sock_send.h, sock_recv.h,
 * sockopt.h, mcast.h. */
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
/* An AF_INET UDP socket whatever the probe's family: the IPv4 sockets a
 * mapped probe sets beside its AF_INET6 ones (addresses: addr_other_family(),
 * addr_inet_wildcard()). */
struct sock *sock_open_inet(struct probe *p, enum host h, const char *role);
/* socket(the family's domain, SOCK_DGRAM, protocol) in host h's namespace,
 * closed at once: whether this kernel makes such a socket (ret 0) or not. */
struct call sock_socket_try(struct probe *p, enum host h, int protocol, const char *protocol_str);
/* The file descriptor, for an untraced call (one whose result must not be
 * in the transcript, e.g. draining a queue whose order is not fixed). */
int sock_fd(const struct sock *s);

struct call sock_bind(struct probe *p, struct sock *s, struct addr a);
/* bind() with a's address and port, but sa_family AF_UNSPEC. */
struct call sock_bind_unspec(struct probe *p, struct sock *s, struct addr a);
struct call sock_connect(struct probe *p, struct sock *s, struct addr a);
/* connect(s, &a, len): a's bytes, but only len of them declared. */
struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len);
/* connect() with sa_family = AF_UNSPEC: the disconnect. */
struct call sock_disconnect(struct probe *p, struct sock *s);
struct call sock_getsockname(struct probe *p, struct sock *s);
struct call sock_getpeername(struct probe *p, struct sock *s);
/* poll() on one socket for `events`, waiting at most WAIT_MS; value is the
 * revents the kernel answered, ok is 1 (the socket was ready). */
struct call sock_poll(struct probe *p, struct sock *s, short events);
/* ioctl(s, request, &n) of an int (FIONREAD, SIOCINQ): value is n.  Use
 * IOCTL(FIONREAD). */
struct call sock_ioctl_int(struct probe *p, struct sock *s, unsigned long request,
			   const char *request_str);
#define IOCTL(request) (request), #request
/* shutdown(s, how): SHUT_RD, SHUT_WR, SHUT_RDWR, or any other value. */
struct call sock_shutdown(struct probe *p, struct sock *s, int how);
/* close(s): the socket is gone (its port free, its peer's datagrams
 * answered with ICMP port unreachable); s must not be used again. */
struct call sock_close(struct probe *p, struct sock *s);

#endif
