// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.source_sticks_across_reconnect
 *
 * The source address the first connect() chose is kept by the socket: a
 * second connect() to a peer on the client's other link keeps it, although
 * the route to the new peer has a source address of its own, and the new
 * peer sees datagrams from the first link's address.  Only a disconnect
 * gives it back (udp.disconnect.reconnect_picks_new_interface_address).
 *
 * The client has two links (TOPO_TWO_LINKS): the server's, where its
 * address is addr_host(HOST_CLIENT), and the stranger's.
 *
 * References: ip4_datagram_connect() in net/ipv4/datagram.c (fills
 * inet_saddr only while it is 0, and passes it to ip_route_connect() as the
 * flow's source), ip6_datagram_dst_update() in net/ipv6/datagram.c (the
 * same for np->saddr); Stevens UNP vol. 1 §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr first_source = addr_host(p, HOST_CLIENT, PORT_EPHEMERAL);
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_getsockname(p, client));

	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_addr(p, sock_getsockname(p, client), first_source);
	expect_ok(p, sock_send(p, client, "ping"));
	expect_datagram(p, sock_recv(p, stranger), "ping", first_source);
}

const struct rule rule = {
	.id = "udp.connect.source_sticks_across_reconnect",
	.sentence = "A UDP socket connected again to a peer on another interface keeps the "
		    "source address its first connect() chose.",
	.why = "ip4_datagram_connect() writes the route's source into inet_saddr and "
	       "inet_rcv_saddr only while they are 0, and hands the stored one to "
	       "ip_route_connect() as the flow's source, so later routes keep it; "
	       "ip6_datagram_dst_update() does the same with np->saddr and sk_v6_rcv_saddr.",
	.families = FAM_ALL,
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect() in net/ipv4/datagram.c", "first source kept" },
		{ "POSIX", "connect(): says nothing of the local address on a second connect",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.14: reconnecting may change the local address",
		  "new route's source" },
	},
	.run = run,
};
