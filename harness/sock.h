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
struct call {
	long ret;                 /* the return value */
	int err;                  /* errno when ret == -1 */
	long ok;                  /* the return value that means complete success */
	int value;                /* an option value read (getsockopt) */
	char data[CALL_DATA_MAX]; /* received bytes, if any */
	size_t len;
	struct addr addr;         /* the address a call returned (source, name, peer) */
	char line[CALL_LINE_MAX]; /* the transcript line */
	size_t text_len;          /* how much of it is the call, before " = " */
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
/* setsockopt(IPV6_JOIN_GROUP) or (IP_ADD_MEMBERSHIP) for group on every
 * interface the kernel picks (interface 0 / INADDR_ANY). */
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

#endif
