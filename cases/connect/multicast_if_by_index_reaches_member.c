// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_if_by_index_reaches_member
 *
 * The outgoing interface of a socket's multicast can be named by its index:
 * IP_MULTICAST_IF with a struct ip_mreqn (IPv4; an AF_INET6 socket takes
 * the SOL_IP option for its IPv4-mapped peers) or IPV6_MULTICAST_IF
 * (IPv6).  connect() to the group (233.252.0.1, MCAST-TEST-NET; or
 * ff0e::db8:0:1, RFC 6676) succeeds, the socket takes that interface's
 * address as its source, and
 * what it sends reaches a member of the group on the link.
 *
 * References: ip(7) IP_MULTICAST_IF ("struct ip_mreqn"), ipv6(7)
 * IPV6_MULTICAST_IF; __ip4_datagram_connect() in net/ipv4/datagram.c (oif
 * = mc_index), ip6_datagram_dst_update() in net/ipv6/datagram.c (oif =
 * mcast_oif for a multicast peer); RFC 3493 §5.2; Stevens UNP vol. 1 §21.6.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr group = addr_group(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group(p, server, group));
	expect_ok(p, mcast_if_index(p, client));
	expect_ok(p, sock_connect(p, client, group));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_ok(p, sock_send(p, client, "to the group"));
	expect_datagram(p, sock_recv(p, server), "to the group",
			addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.multicast_if_by_index_reaches_member",
	.sentence = "With the multicast interface set by index, connect() of a UDP socket to a "
		    "multicast group succeeds and what it sends reaches a member on that link.",
	.why = "IP_MULTICAST_IF (ip_mreqn) stores the index as mc_index and "
	       "__ip4_datagram_connect() routes the group out of it, taking the device's "
	       "address as source; IPV6_MULTICAST_IF sets mcast_oif, which "
	       "ip6_datagram_dst_update() uses as the flow's oif.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_MULTICAST_IF; ipv6(7) IPV6_MULTICAST_IF", "0, member receives" },
		{ "POSIX", "IPV6_MULTICAST_IF (<netinet/in.h>): the interface index",
		  "0, member receives" },
		{ "BSD", "Stevens UNP vol. 1 §21.6", "0, member receives" },
	},
	.run = run,
};
