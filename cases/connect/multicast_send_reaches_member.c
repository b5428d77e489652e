/* udp.connect.multicast_send_reaches_member
 *
 * A UDP socket may be connected to a multicast group: connect() succeeds
 * with no special permission, and what it sends reaches a socket on another
 * host that joined the group.
 *
 * The group is ff3e:40:2001:db8::1, a unicast-prefix-based multicast
 * address (RFC 3306: flags P=1 T=1, global scope, prefix length 64, the
 * prefix 2001:db8:0:0, which is the link's own documentation prefix, group
 * id 1).  It stays inside the documentation range the project uses, and
 * the traffic never leaves the probe's namespaces.
 *
 * IPv4 is not run here, for a reason of routing, not of addresses (its
 * documentation groups, 233.252.0.0/24 MCAST-TEST-NET, serve the IPv4
 * multicast rules): the link has no route covering an IPv4 group, so
 * connect() needs IP_MULTICAST_IF first
 * (udp.connect.multicast_without_route_or_interface_enetunreach,
 * udp.connect.multicast_if_by_index_reaches_member).
 *
 * References: ipv6(7) IPV6_ADD_MEMBERSHIP; ip6_datagram_connect() in
 * net/ipv6/datagram.c (a multicast peer is routed through the ff00::/8
 * route of the link); RFC 3306 §4; Stevens UNP vol. 1 §21.
 */
#include "udpc.h"
#include "mcast.h"

static void run(struct probe *p)
{
	struct addr group = addr_literal(p, NULL, "ff3e:40:2001:db8::1", PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_join_group(p, server, group));

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
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ipv6(7); ip6_datagram_connect() in net/ipv6/datagram.c",
		  "0, member receives" },
		{ "POSIX", "connect(): sets the peer for any address of the family",
		  "0, member receives" },
		{ "BSD", "Stevens UNP vol. 1 §21.10", "0, member receives" },
	},
	.run = run,
};
