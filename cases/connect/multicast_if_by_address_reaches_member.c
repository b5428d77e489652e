// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_if_by_address_reaches_member
 *
 * IP_MULTICAST_IF names the interface a socket's multicast leaves by, here
 * by its IPv4 address (a struct in_addr).  With it, connect() to the group
 * 233.252.0.1 (MCAST-TEST-NET, RFC 5771) succeeds although no route covers
 * the group, the socket's source is that address, and what it sends
 * reaches a member of the group on the link.
 *
 * IPv6 is not run: IPV6_MULTICAST_IF takes only an interface index
 * (udp.connect.multicast_if_by_index_reaches_member).
 *
 * References: ip(7) IP_MULTICAST_IF; do_ip_setsockopt() in
 * net/ipv4/ip_sockglue.c (mc_addr, and mc_index from the address's
 * device); __ip4_datagram_connect() in net/ipv4/datagram.c (oif =
 * mc_index, saddr = mc_addr for a multicast peer); RFC 5771 §9.2; Stevens
 * UNP vol. 1 §21.6.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr group = addr_group(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group(p, server, group));
	expect_ok(p, mcast_if_addr(p, client));
	expect_ok(p, sock_connect(p, client, group));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_ok(p, sock_send(p, client, "to the group"));
	expect_datagram(p, sock_recv(p, server), "to the group",
			addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.multicast_if_by_address_reaches_member",
	.sentence = "With IP_MULTICAST_IF set by address, connect() of a UDP socket to an IPv4 "
		    "multicast group succeeds and what it sends reaches a member on that link.",
	.why = "IP_MULTICAST_IF stores the address as mc_addr and its device as mc_index; "
	       "__ip4_datagram_connect() routes the multicast peer out of mc_index with "
	       "mc_addr as source, which needs no fib entry for the group.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPV6_MULTICAST_IF names the interface by index only",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_MULTICAST_IF; __ip4_datagram_connect()", "0, member receives" },
		{ "POSIX", "no multicast options", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §21.6: IP_MULTICAST_IF by address", "0, member receives" },
	},
	.run = run,
};
