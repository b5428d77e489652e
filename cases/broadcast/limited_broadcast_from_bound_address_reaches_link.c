// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.limited_broadcast_from_bound_address_reaches_link
 *
 * The same limited broadcast that has no route (see
 * udp.broadcast.limited_broadcast_unrouted_enetunreach) goes out when the
 * socket is bound to one of the host's addresses: the kernel sends it on
 * the device that address is on, from that address, and every host on the
 * link receives it.
 *
 * References: gVisor test/packetimpact/tests/udp_socket_send_recv_test.go
 * (Send: bound to the DUT's IPv4 address, 255.255.255.255 reaches the
 * test runner); ip_route_output_key_hash_rcu() in net/ipv4/route.c
 * ("dev_out = __ip_dev_find(net, fl4->saddr, false)" for a multicast or
 * limited broadcast destination with a source address and no oif).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, stranger, addr_wildcard(p, PORT_SERVER)));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	must(p, sock_bind(p, client, at_client));
	expect_ok(p, sock_sendto(p, client, "to all", addr_limited_broadcast(p, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, server), "to all", at_client);
	expect_datagram(p, sock_recv(p, stranger), "to all", at_client);
}

const struct rule rule = {
	.id = "udp.broadcast.limited_broadcast_from_bound_address_reaches_link",
	.sentence = "A UDP socket with SO_BROADCAST bound to one of its host's addresses sends to "
		    "255.255.255.255 without any route to it, on that address's link, and every "
		    "host there receives the datagram from the bound address.",
	.why = "For a limited broadcast with a source address and no oif, "
	       "ip_route_output_key_hash_rcu() takes the device that owns the source "
	       "(__ip_dev_find()) instead of looking up a route.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip_route_output_key_hash_rcu() in net/ipv4/route.c", "sent on the bound address's link" },
		{ "POSIX", "SO_BROADCAST permits sending of broadcast messages", "sent" },
		{ "BSD", "Stevens UNP vol. 1 §20.2 (limited broadcast)", "sent" },
	},
	.run = run,
};
