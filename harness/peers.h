/* peers: many sockets on one port of the server, each connected to a peer of
 * its own on the client, and the exchange that proves each gets only its
 * peer's datagram.  Used by rules on the connected-socket lookup paths
 * (4-tuple hash, reuseport re-scoring), which only show with many pairs. */
#ifndef UDPC_PEERS_H
#define UDPC_PEERS_H

#include "sock.h"

/* PROBE_MAX_SOCKS (16) caps a rule at 8 pairs. */
#define PEERS_MAX 8
/* Peer i binds the client's PEER_PORT_BASE + i: fixed ports, so the
 * transcript is the same on every run. */
#define PEER_PORT_BASE 7100

/* "member_3": a role name that lives as long as the probe. */
const char *peer_role(const char *what, int i);

/* Opens peer i on the client, bound to PEER_PORT_BASE + i. */
struct sock *peer_open(struct probe *p, int i);

/* A member of the SO_REUSEPORT group on the server's address and port.
 * (cases/reuseport/connected_member_*.c each have a copy of this.) */
struct sock *member_open(struct probe *p, const char *role);

/* Every peer sends "from peer <i>" to `to` before anything is read; then
 * local[n-1] (the last sent, so every earlier datagram has been processed
 * on the probe's one CPU) and the others in order must each hold exactly
 * their own peer's datagram, and nothing more (EAGAIN). */
void peers_exchange(struct probe *p, struct sock *const *local, struct sock *const *peer, int n,
		    struct addr to);

#endif
