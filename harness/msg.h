/* Traced send calls the core harness has no form for: sendto() with no
 * address or with an address length the rule chooses, sendmsg() without a
 * name; a recvfrom() that peeks; an address with its family overwritten; and an expectation that two
 * addresses the kernel returned are the same. */
#ifndef UDPC_MSG_H
#define UDPC_MSG_H

#include "udpc.h"

/* sendto(s, payload, len, 0, NULL, 0): a sendto() that names no destination. */
struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload);
/* sendto(s, payload, len, 0, &to, tolen): tolen chosen by the rule, e.g. one
 * byte short of the family's sockaddr. */
struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen);
/* sendmsg() with msg_name NULL, one iovec, no control data. */
struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload);

/* Waits for readability (at most WAIT_MS), then recvfrom(MSG_PEEK): shows
 * what is at the head of the queue and leaves it there, e.g. to prove a
 * datagram has arrived before the next step of the rule. */
struct call sock_recv_peek(struct probe *p, struct sock *s);

/* a, with sa_family set to AF_UNSPEC and every other byte (address, port,
 * length) kept: what a program sends that forgot to set the family. */
struct addr addr_as_unspec(struct addr a);

/* Both calls succeeded and returned the very same address, port included:
 * e.g. the source a receiver saw and the sender's getsockname(). */
void expect_same_addr(struct probe *p, const char *what, struct call a, struct call b);

#endif
