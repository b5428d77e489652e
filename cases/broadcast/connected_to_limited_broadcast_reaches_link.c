// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.connected_to_limited_broadcast_reaches_link
 *
 * A reader of the lecture asks whether a UDP socket can be connected to
 * 255.255.255.255.  It can, with SO_BROADCAST, once it is bound to one of
 * its host's addresses: connect() looks the route up as sendto() does, and
 * for the limited broadcast with a source address the kernel takes the
 * device that owns the source instead of a route.  The socket's peer is
 * then 255.255.255.255, and every send() reaches every host on that link,
 * from the bound address.  (Unbound, the same lookup finds no route: see
 * udp.broadcast.limited_broadcast_unrouted_enetunreach for sendto().)
 *
 * References: Stevens UNP vol. 1 §20.2 (limited broadcast) and §8.11;
 * __ip4_datagram_connect() in net/ipv4/datagram.c (RTCF_BROADCAST needs
 * SOCK_BROADCAST); ip_route_output_key_hash_rcu() in net/ipv4/route.c
 * (__ip_dev_find() of the source for a limited broadcast without oif).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr everyone = addr_limited_broadcast(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, stranger, addr_wildcard(p, PORT_SERVER)));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	must(p, sock_bind(p, client, at_client));
	expect_ok(p, sock_connect(p, client, everyone));
	expect_addr(p, sock_getpeername(p, client), everyone);
	expect_ok(p, sock_send(p, client, "to all"));
	expect_datagram(p, sock_recv(p, server), "to all", at_client);
	expect_datagram(p, sock_recv(p, stranger), "to all", at_client);
}

const struct rule rule = {
	.id = "udp.broadcast.connected_to_limited_broadcast_reaches_link",
	.sentence = "A UDP socket with SO_BROADCAST bound to one of its host's addresses connects "
		    "to 255.255.255.255, and what it sends reaches every host on that address's "
		    "link, from the bound address.",
	.why = "__ip4_datagram_connect() accepts the RTCF_BROADCAST route once SOCK_BROADCAST is "
	       "set, and for a limited broadcast with a source address and no oif "
	       "ip_route_output_key_hash_rcu() takes the device that owns the source "
	       "(__ip_dev_find()) instead of looking up a route.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__ip4_datagram_connect() in net/ipv4/datagram.c", "0; sent on the bound address's link" },
		{ "POSIX", "connect(): the peer address is set; SO_BROADCAST permits broadcast", "0; sent" },
		{ "BSD", "Stevens UNP vol. 1 §20.2, §8.11", "0; sent" },
	},
	.run = run,
};
