// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_without_route_or_interface_enetunreach
 *
 * An IPv4 multicast group is reached through a route like any destination.
 * With no route covering it (the link topology has only its own /24, no
 * default route) and no interface chosen with IP_MULTICAST_IF, connect()
 * to the group 233.252.0.1 (MCAST-TEST-NET, RFC 5771) fails with
 * ENETUNREACH.  udp.connect.multicast_if_by_address_reaches_member and
 * ..._by_index_... show the same connect() succeeding with an interface.
 *
 * IPv6 is not run: every IPv6 link gets an ff00::/8 multicast route when
 * it comes up (addrconf_add_mroute()), so there is always a route.
 *
 * References: __ip4_datagram_connect() in net/ipv4/datagram.c (for a
 * multicast peer oif = inet->mc_index, 0 here); ip_route_output_key_hash_rcu()
 * in net/ipv4/route.c (no oif, no fib entry: -ENETUNREACH); ip(7)
 * IP_MULTICAST_IF; Stevens UNP vol. 1 §21.6.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_connect(p, client, addr_group(p, PORT_SERVER)), ENETUNREACH);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.multicast_without_route_or_interface_enetunreach",
	.sentence = "connect() of a UDP socket to an IPv4 multicast group with no route to it "
		    "and no IP_MULTICAST_IF fails with ENETUNREACH.",
	.why = "__ip4_datagram_connect() routes a multicast peer through inet->mc_index, which "
	       "is 0 without IP_MULTICAST_IF; with neither an interface nor a fib entry for "
	       "the group the route lookup fails with -ENETUNREACH.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "every IPv6 link has an ff00::/8 route (addrconf_add_mroute()), so an IPv6 "
		    "group always has a route",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip4_datagram_connect(); ip_route_output_key_hash_rcu()",
		  "ENETUNREACH" },
		{ "POSIX", "connect(): [ENETUNREACH] no route to the network", "ENETUNREACH" },
		{ "BSD", "Stevens UNP vol. 1 §21.6: the interface comes from the route",
		  "ENETUNREACH" },
	},
	.run = run,
};
