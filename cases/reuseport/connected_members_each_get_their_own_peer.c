// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.connected_members_each_get_their_own_peer
 *
 * Many connected members of one SO_REUSEPORT group, each connected to a
 * peer port of its own, each receive their own peer's datagrams and no
 * other member's.  Seven members on the server's address and port are
 * connected to seven client ports; an eighth member stays unconnected, so
 * the group's hash still has a member to choose for a datagram that no
 * connected member matches.  Every peer sends one datagram; every
 * connected member holds exactly its peer's, and the unconnected member
 * holds none, since each of the seven 4-tuples has a connected member.
 *
 * Proof of absence by ordering: all datagrams are sent before any is read,
 * the last one sent is read first, and every queue is then empty.
 *
 * Which kernel code decides it changed twice:
 *  - up to v6.12 udp4_lib_lookup2() walks the address's slot: a member
 *    chosen by the group's hash (lookup_reuseport()) is re-scored when the
 *    group has connected members ("udp: re-score reuseport groups when
 *    connected sockets are present", f0ea27e7bfe1, v6.6), and a connected
 *    member matching the 4-tuple outscores the others (compute_score());
 *  - from v6.13 connect() puts the socket in the 4-tuple hash and takes it
 *    out of its reuseport group (udp4_hash4(), udp_lib_hash4() calling
 *    reuseport_detach_sock()), and __udp4_lib_lookup() asks
 *    udp4_lib_lookup4() first ("udp: Add 4-tuple hash for connected
 *    socket", 78c91ae2c6de; the IPv6 side in net/ipv6/udp.c).
 * A lookup that returns the hash's choice without re-scoring, or a 4-tuple
 * slot that returns a socket without comparing its whole 4-tuple, sends a
 * datagram to the wrong member.
 *
 * References: socket(7) SO_REUSEPORT; net/ipv4/udp.c, net/ipv6/udp.c,
 * net/core/sock_reuseport.c.
 */
#include "udpc.h"

#include <errno.h>

enum { CONNECTED = 7 };

static void members_open(struct probe *p, struct sock **members, int from, int to)
{
	for (int i = from; i < to; i++)
		members[i] = member_open(p, peer_role("member", i));
}

static void run(struct probe *p)
{
	struct sock *members[CONNECTED], *peers[CONNECTED];

	/* The unconnected member joins in the middle of the group, so it is
	 * neither first nor last in the group or in the address's slot. */
	members_open(p, members, 0, CONNECTED / 2);
	struct sock *unconnected = member_open(p, "unconnected");
	members_open(p, members, CONNECTED / 2, CONNECTED);
	for (int i = 0; i < CONNECTED; i++) {
		peers[i] = peer_open(p, i);
		must(p, sock_connect(p, members[i], addr_host(p, HOST_CLIENT, PEER_PORT_BASE + i)));
	}

	peers_exchange(p, members, peers, CONNECTED, addr_host(p, HOST_SERVER, PORT_SERVER));
	expect_errno(p, sock_recv_nowait(p, unconnected), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.connected_members_each_get_their_own_peer",
	.sentence = "In an SO_REUSEPORT group with many connected members, each connected member "
		    "receives exactly its own peer's datagrams, and no other member receives them.",
	.why = "__udp4_lib_lookup() finds a connected socket by its 4-tuple: from v6.13 in the "
	       "4-tuple hash (udp4_lib_lookup4(); connect() hashes it there with "
	       "udp_lib_hash4() and detaches it from the group), before that in the "
	       "address's slot, where compute_score() ranks the matching connected member "
	       "first and udp4_lib_lookup2() re-scores the group's choice (v6.6).",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "socket(7) SO_REUSEPORT; __udp4_lib_lookup() in net/ipv4/udp.c",
		  "each member gets its own peer's" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD in_pcblookup_hash(): an exact 4-tuple match wins over "
			 "SO_REUSEPORT_LB groups",
		  "each member gets its own peer's" },
	},
	.tags = {
		{ "linux-git", "f0ea27e7bfe1", "udp: re-score reuseport groups when connected sockets are present", "v6.6" },
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket", "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket", "v6.13" },
	},
	.run = run,
};
