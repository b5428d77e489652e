/* udpconform harness: what the kernel's socket tables say about a socket.
 *
 * Two readers of the same table: /proc/net/udp (udp6 for AF_INET6 sockets)
 * read inside the socket's host, and sock_diag (NETLINK_SOCK_DIAG,
 * SOCK_DIAG_BY_FAMILY, IPPROTO_UDP) asked through libnl in that host.  Each
 * finds the socket by its inode and returns its local and remote address
 * and its state (TCP_ESTABLISHED for a connected UDP socket, TCP_CLOSE for
 * any other).
 */
#ifndef UDPC_STATE_H
#define UDPC_STATE_H

#include "udpc.h"

struct state_entry {
	struct call call; /* the read, as the transcript shows it; ret -1 ENOENT: not listed */
	struct addr local, remote;
	int state; /* TCP_ESTABLISHED (1), TCP_CLOSE (7), ... */
};

/* /proc/net/udp or /proc/net/udp6 in s's host: the line of s's inode. */
struct state_entry procnet_udp_entry(struct probe *p, struct sock *s);
/* sock_diag dump of UDP sockets of s's family in s's host: s's message. */
struct state_entry diag_udp_entry(struct probe *p, struct sock *s);

/* The entry was found and says exactly local, remote and state. */
void expect_state_entry(struct probe *p, struct state_entry e, struct addr local, struct addr remote,
			int state);

/* Shared by the two readers. */
const char *state_entry_str(const struct state_entry *e, char *buf, size_t n);

#endif
