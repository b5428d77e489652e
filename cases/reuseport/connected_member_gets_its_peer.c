// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.connected_member_gets_its_peer
 *
 * Sockets bound to the same address and port with SO_REUSEPORT form a
 * group, and the kernel spreads incoming datagrams over the group by a hash
 * of the 4-tuple.  A member that is connected is not part of that spreading:
 * datagrams from its peer always go to it, whatever the hash would pick.
 * Here three members are connected, each to a different peer, beside three
 * unconnected ones, and each peer's datagram reaches its own member.
 *
 * History: "udp: correct reuseport selection with connected sockets"
 * (acdcecc61285, v5.4) made the lookup score every member once the group
 * has a connected one (reuseport_has_conns()); "udp: re-score reuseport
 * groups when connected sockets are present" (f0ea27e7bfe1, v6.6, and in
 * the stable trees: 5.10.y has it) fixed the case where
 * the hash-picked unconnected member was returned without being compared
 * with a better-scoring connected one; "udp: Add 4-tuple hash for connected
 * socket" (v6.13) finds connected sockets by a hash of the full 4-tuple
 * (udp4_lib_lookup4()) before any group lookup.
 *
 * References: socket(7) SO_REUSEPORT; __udp4_lib_lookup(),
 * udp4_lib_lookup2() and compute_score() in net/ipv4/udp.c (net/ipv6/udp.c
 * for IPv6); reuseport_select_sock() in net/core/sock_reuseport.c.
 */
#include "udpc.h"

static struct sock *peer(struct probe *p, enum host h, int port, const char *role)
{
	struct sock *s = sock_open(p, h, role);

	must(p, sock_bind(p, s, addr_host(p, h, port)));
	return s;
}

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *a = member_open(p, "member_a");
	member_open(p, "member_1");
	struct sock *b = member_open(p, "member_b");
	member_open(p, "member_2");
	struct sock *c = member_open(p, "member_c");
	member_open(p, "member_3");
	struct sock *peer_a = peer(p, HOST_CLIENT, PORT_CLIENT, "peer_a");
	struct sock *peer_b = peer(p, HOST_CLIENT, PORT_OTHER, "peer_b");
	struct sock *peer_c = peer(p, HOST_STRANGER, PORT_STRANGER, "peer_c");

	must(p, sock_connect(p, a, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, b, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_connect(p, c, addr_host(p, HOST_STRANGER, PORT_STRANGER)));

	expect_ok(p, sock_sendto(p, peer_a, "to a", server));
	expect_ok(p, sock_sendto(p, peer_b, "to b", server));
	expect_ok(p, sock_sendto(p, peer_c, "to c", server));
	expect_datagram(p, sock_recv(p, a), "to a", addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_datagram(p, sock_recv(p, b), "to b", addr_host(p, HOST_CLIENT, PORT_OTHER));
	expect_datagram(p, sock_recv(p, c), "to c", addr_host(p, HOST_STRANGER, PORT_STRANGER));
}

const struct rule rule = {
	.id = "udp.reuseport.connected_member_gets_its_peer",
	.sentence = "In an SO_REUSEPORT group, datagrams from a connected member's peer reach "
		    "that member, not the member the group's hash would pick.",
	.why = "A connected member scores higher than the unconnected ones in "
	       "compute_score(); once the group has a connected member "
	       "(reuseport_has_conns()) udp4_lib_lookup2() scores every member "
	       "instead of returning the hash's pick, and since v6.13 the 4-tuple "
	       "hash (udp4_lib_lookup4()) finds the connected socket first.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_REUSEPORT; udp4_lib_lookup2() in net/ipv4/udp.c",
		  "the connected member" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD SO_REUSEPORT_LB: connected sockets are looked up first "
			 "(in_pcblookup_hash_locked())", "the connected member" },
	},
	.tags = {
		{ "linux-git", "acdcecc61285", "udp: correct reuseport selection with connected sockets", "v5.4" },
		{ "linux-git", "f0ea27e7bfe1", "udp: re-score reuseport groups when connected sockets are present", "v6.6" },
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket", "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket", "v6.13" },
	},
	.run = run,
};
