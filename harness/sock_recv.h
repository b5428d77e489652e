/* SPDX-License-Identifier: GPL-2.0-only */
/* The receive calls on a rule's socket: recvfrom(), recvmsg(), read(),
 * recv(), readv(), recvmmsg().  Each waits for the socket to become
 * readable (at most WAIT_MS) unless its name says otherwise, then takes
 * what is queued without blocking: data/len the bytes, addr the source,
 * ok the length received. */
#ifndef UDPC_SOCK_RECV_H
#define UDPC_SOCK_RECV_H

#include "sock.h"

/* recvfrom(s, ..., CALL_DATA_MAX, MSG_DONTWAIT). */
struct call sock_recv(struct probe *p, struct sock *s);
/* recvfrom() without waiting: what is queued now.  Only meaningful once
 * ordering has proven that what could have arrived has arrived. */
struct call sock_recv_nowait(struct probe *p, struct sock *s);
/* recvfrom(MSG_PEEK): shows what is at the head of the queue and leaves it
 * there, e.g. to prove a datagram has arrived before the next step. */
struct call sock_recv_peek(struct probe *p, struct sock *s);
/* recvfrom(MSG_TRUNC): ret is the length of the whole datagram, the first
 * CALL_DATA_MAX bytes are in data. */
struct call sock_recv_length(struct probe *p, struct sock *s);
/* recvfrom() with addrlen bytes of room for the source: addr holds what the
 * kernel wrote (the rest zero) and addr.len the length it answered. */
struct call sock_recvfrom_addrlen(struct probe *p, struct sock *s, socklen_t addrlen);
/* recvfrom() without MSG_DONTWAIT, bounded by SO_RCVTIMEO = WAIT_MS: a
 * datagram, 0 (end of file: the socket is shut down for reading), or
 * -1 EAGAIN when nothing came within the bound. */
struct call sock_recv_blocking(struct probe *p, struct sock *s);
/* recvmsg() of buflen bytes with flags (MSG_TRUNC, MSG_PEEK, MSG_WAITALL,
 * or 0), MSG_DONTWAIT added: ret is what the kernel returned (with
 * MSG_TRUNC the datagram's real length), data/len the bytes it copied,
 * value the msg_flags it answered.  Use RECVFLAGS(MSG_PEEK) or
 * RECVFLAGS(0). */
struct call sock_recvmsg_flags(struct probe *p, struct sock *s, size_t buflen, int flags,
			       const char *flags_str);
#define RECVFLAGS(flags) (flags), #flags
/* read(), recv(s, buf, CALL_DATA_MAX, 0) and readv() into two iovecs (the
 * first first_len bytes long); the descriptor is O_NONBLOCK for the call,
 * so that nothing queued reads as EAGAIN. */
struct call sock_recv_read(struct probe *p, struct sock *s);
struct call sock_recv_noname(struct probe *p, struct sock *s);
struct call sock_recv_readv(struct probe *p, struct sock *s, size_t first_len);
/* recvmmsg(s, vlen messages, MSG_DONTWAIT): ret is the number of messages,
 * msgs[i] the i-th as a receive call (data, len, addr, value = its
 * msg_flags). */
#define RECVMMSG_MAX 4
struct call sock_recvmmsg(struct probe *p, struct sock *s, unsigned vlen,
			  struct call msgs[RECVMMSG_MAX]);

#endif
