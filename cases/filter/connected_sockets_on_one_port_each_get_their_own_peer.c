// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.connected_sockets_on_one_port_each_get_their_own_peer
 *
 * Eight UDP sockets share the server's port through SO_REUSEADDR (no
 * SO_REUSEPORT group), each connected to a client port of its own; half are
 * bound to the server's address, half to the wildcard, in turn.  Every
 * client port sends one datagram; each socket receives exactly its own
 * peer's and nothing else.
 *
 * Proof of absence by ordering: all datagrams are sent before any is read,
 * the last one sent is read first, and every queue is then empty.
 *
 * Why the two bindings: connect() on a wildcard-bound socket gives it a
 * local address (__ip4_datagram_connect(), ip6_datagram_connect()) and moves
 * it to that address's slot (udp_v4_rehash(), udp_lib_rehash()), where the
 * specifically bound sockets are from the start.  From v6.13 connect() also
 * puts the socket in the 4-tuple hash (udp4_hash4(), udp_lib_hash4(); IPv6
 * in net/ipv6/udp.c), which __udp4_lib_lookup() asks first
 * (udp4_lib_lookup4()); until then udp4_lib_lookup2() ranks the sockets of
 * the slot with compute_score(), where a connected socket matching the
 * source scores highest and one not matching is skipped.  A socket left in
 * the wrong slot by the rehash, or a 4-tuple slot that returns a socket
 * without comparing its whole 4-tuple, sends a datagram to the wrong socket
 * or to none.
 *
 * References: socket(7) SO_REUSEADDR; udp(7); Stevens UNP vol. 1 §8.11;
 * net/ipv4/udp.c, net/ipv6/udp.c.
 */
#include "udpc.h"

enum { SOCKETS = PEERS_MAX };

/* Socket i binds the wildcard when i is odd: the two kinds alternate, so
 * each is found both before and after the other in the port's slots. */
static bool binds_wildcard(int i)
{
	return i % 2 == 1;
}

static struct sock *connected_open(struct probe *p, int i)
{
	bool wildcard = binds_wildcard(i);
	struct sock *s = sock_open(p, HOST_SERVER, peer_role(wildcard ? "wildcard" : "specific", i));

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sock_bind(p, s,
			  wildcard ? addr_wildcard(p, PORT_SERVER)
				   : addr_host(p, HOST_SERVER, PORT_SERVER)));
	return s;
}

static void run(struct probe *p)
{
	struct sock *local[SOCKETS], *peers[SOCKETS];

	for (int i = 0; i < SOCKETS; i++)
		local[i] = connected_open(p, i);
	for (int i = 0; i < SOCKETS; i++) {
		peers[i] = peer_open(p, i);
		must(p, sock_connect(p, local[i], addr_host(p, HOST_CLIENT, PEER_PORT_BASE + i)));
	}

	peers_exchange(p, local, peers, SOCKETS, addr_host(p, HOST_SERVER, PORT_SERVER));
}

const struct rule rule = {
	.id = "udp.filter.connected_sockets_on_one_port_each_get_their_own_peer",
	.sentence = "Connected UDP sockets sharing one port through SO_REUSEADDR each receive "
		    "exactly their own peer's datagrams, whether bound to the specific address "
		    "or to the wildcard.",
	.why = "__udp4_lib_lookup() finds a connected socket by its whole 4-tuple: from "
	       "v6.13 in the 4-tuple hash (udp4_lib_lookup4(), filled by udp_lib_hash4() "
	       "at connect()), before that by compute_score() in the slot of the address "
	       "connect() gave it (udp_lib_rehash() for a wildcard-bound socket).",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7); __udp4_lib_lookup() in net/ipv4/udp.c",
		  "each socket gets its own peer's" },
		{ "POSIX", "connect(): \"limits the remote sender for subsequent recv()\"",
		  "each socket gets its own peer's" },
		{ "BSD", "in_pcblookup() in 4.4BSD (exact match wins); Stevens UNP vol. 1 §8.11",
		  "each socket gets its own peer's" },
	},
	.tags = {
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket", "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket", "v6.13" },
	},
	.run = run,
};
