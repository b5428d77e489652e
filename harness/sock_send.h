/* SPDX-License-Identifier: GPL-2.0-only */
/* The send calls on a rule's socket: send(), write(), writev(), sendto(),
 * sendmsg(), sendmmsg().  A datagram's payload is shown once; `ok` is its
 * length (for sendmmsg() the number of messages). */
#ifndef UDPC_SOCK_SEND_H
#define UDPC_SOCK_SEND_H

#include "sock.h"

struct call sock_send(struct probe *p, struct sock *s, const char *payload);
/* send(s, payload, len, flags) with flags named in the transcript:
 * sock_send_flags(p, s, "hel", SENDFLAG(MSG_MORE)). */
struct call sock_send_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			    const char *flags_str);
#define SENDFLAG(flag) (flag), #flag
/* write(s, payload, len); writev() of one iovec per part of the
 * NULL-terminated list, together one datagram. */
struct call sock_send_write(struct probe *p, struct sock *s, const char *payload);
struct call sock_send_writev(struct probe *p, struct sock *s, const char *const *parts);
struct call sock_sendto(struct probe *p, struct sock *s, const char *payload, struct addr to);
/* sendto(s, payload, len, 0, NULL, 0): a sendto() that names no destination. */
struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload);
/* sendto(s, payload, len, 0, NULL, tolen): no address, a length anyway. */
struct call sock_sendto_null_len(struct probe *p, struct sock *s, const char *payload, socklen_t tolen);
/* sendto(s, payload, len, 0, &to, tolen): tolen chosen by the rule, e.g. one
 * byte short of the family's sockaddr. */
struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen);
/* sendto() and sendmsg() (msg_name = &to) with flags named in the transcript. */
struct call sock_sendto_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			      const char *flags_str, struct addr to);
struct call sock_sendmsg_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			       const char *flags_str, struct addr to);
/* sendmsg() with msg_name NULL, one iovec, no control data. */
struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload);
/* sendmsg() without a name: one iovec per part of the NULL-terminated
 * list, together one datagram. */
struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts);
/* sendmsg() with msg_name = &to and msg_namelen = namelen (0, -1, or longer
 * than any sockaddr), one iovec. */
struct call sock_sendmsg_namelen(struct probe *p, struct sock *s, const char *payload, struct addr to,
				 socklen_t namelen);
/* send(), sendto(), sendmsg() of size bytes of 'x' (a datagram too large to
 * show in full). */
struct call sock_send_size(struct probe *p, struct sock *s, size_t size);
struct call sock_sendto_size(struct probe *p, struct sock *s, size_t size, struct addr to);
struct call sock_sendmsg_size(struct probe *p, struct sock *s, size_t size, struct addr to);
/* sendmmsg(s, msgs, n, 0) without names: each payload of the NULL-terminated
 * list one message; ret is the number of messages sent (ok: all of them). */
struct call sock_sendmmsg_noname(struct probe *p, struct sock *s, const char *const *payloads);

#endif
