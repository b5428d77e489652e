// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_send_reaches_member
 *
 * A UDP socket may be connected to a multicast group: connect() succeeds
 * with no special permission, and what it sends reaches a socket on another
 * host that joined the group.
 *
 * The group is addr_group(), ff0e::db8:0:1: global scope, from the
 * documentation range ff0X::db8:0:0/96 (RFC 6676); the traffic never
 * leaves the probe's namespaces.
 *
 * IPv4 is not run here: the link's hosts have a route to their /24 only,
 * none to 224.0.0.0/4, so connect() to an IPv4 group (233.252.0.1) needs
 * IP_MULTICAST_IF first; udp.connect.multicast_without_route_or_interface_
 * enetunreach and udp.connect.multicast_if_by_index_reaches_member are
 * the IPv4 rules.
 *
 * References: ipv6(7) IPV6_ADD_MEMBERSHIP; ip6_datagram_connect() in
 * net/ipv6/datagram.c (a multicast peer is routed through the ff00::/8
 * route of the link); RFC 6676; Stevens UNP vol. 1 §21.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr group = addr_group(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group(p, server, group));

	expect_ok(p, sock_connect(p, client, group));
	expect_ok(p, sock_send(p, client, "to the group"));
	expect_datagram(p, sock_recv(p, server), "to the group",
			addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.multicast_send_reaches_member",
	.sentence = "connect() of a UDP socket to a multicast group succeeds, and what it sends "
		    "reaches a member of the group on another host.",
	.why = "ip6_datagram_connect() treats a multicast peer like any other: the route "
	       "lookup finds the link's ff00::/8 route and the socket is connected; on the "
	       "member's host __udp6_lib_mcast_deliver() hands the datagram to every socket "
	       "bound to the port whose interface joined the group.",
	.families = FAM_IPV6,
	.skip_why = "no route covers an IPv4 group on this link, so IPv4 needs IP_MULTICAST_IF "
		    "first: see udp.connect.multicast_if_by_index_reaches_member",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ipv6(7); ip6_datagram_connect() in net/ipv6/datagram.c",
		  "0, member receives" },
		{ "POSIX", "connect(): sets the peer for any address of the family",
		  "0, member receives" },
		{ "BSD", "Stevens UNP vol. 1 §21.10", "0, member receives" },
	},
	.run = run,
};
