// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.no_route_enetunreach
 *
 * connect() is where a UDP socket first meets the routing table: a peer that
 * no route leads to is refused at once with ENETUNREACH, before anything is
 * sent.  The link topology has only the link's own prefix and no default
 * route; the peer is in the documentation range but outside that prefix.
 *
 * References: ip4_datagram_connect() in net/ipv4/datagram.c returns the error
 * of ip_route_connect() (fib_lookup() finds nothing: -ENETUNREACH);
 * ip6_datagram_dst_update() in net/ipv6/datagram.c returns that of
 * ip6_dst_lookup_flow() (ip6_null_entry: -ENETUNREACH); POSIX connect()
 * [ENETUNREACH]; Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	/* Beyond every route of the client: its only prefix is 198.18.0.0/24. */
	struct addr nowhere = addr_no_route(p, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_connect(p, client, nowhere), ENETUNREACH);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.no_route_enetunreach",
	.sentence = "connect() on a UDP socket to an address no route leads to fails with "
		    "ENETUNREACH and leaves the socket unconnected.",
	.why = "ip4_datagram_connect() looks up the route with ip_route_connect() and "
	       "returns its error before storing the peer; fib_lookup() answers "
	       "-ENETUNREACH when no route matches.  ip6_datagram_dst_update() does the same "
	       "with ip6_dst_lookup_flow(), whose null route carries -ENETUNREACH.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect() in net/ipv4/datagram.c", "ENETUNREACH" },
		{ "POSIX", "connect(): [ENETUNREACH] No route to the network is present",
		  "ENETUNREACH" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: connect() checks for immediate errors",
		  "ENETUNREACH" },
	},
	.run = run,
};
