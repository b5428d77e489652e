// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.broadcast_with_so_broadcast_reaches_link
 *
 * With SO_BROADCAST set, a UDP socket may be connected to the link's
 * broadcast address, and what it sends reaches every host on the link:
 * here the server and the stranger, each bound to the wildcard address with
 * the same port.  The link's broadcast address is 198.18.0.255 (topo.c).
 *
 * References: socket(7) SO_BROADCAST; __ip4_datagram_connect() in
 * net/ipv4/datagram.c; __udp4_lib_mcast_deliver() in net/ipv4/udp.c (a
 * broadcast goes to every matching socket, IPv6 sockets bound to :: among
 * them); Stevens UNP vol. 1 §20.2-20.4.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_EPHEMERAL);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, stranger, addr_wildcard(p, PORT_SERVER)));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));

	expect_ok(p, sock_connect(p, client, addr_broadcast(p, PORT_SERVER)));
	expect_ok(p, sock_send(p, client, "to all"));
	expect_datagram(p, sock_recv(p, server), "to all", from_client);
	expect_datagram(p, sock_recv(p, stranger), "to all", from_client);
}

const struct rule rule = {
	.id = "udp.connect.broadcast_with_so_broadcast_reaches_link",
	.sentence = "With SO_BROADCAST a UDP socket connects to the link's broadcast address, "
		    "and what it sends reaches every host on the link.",
	.why = "__ip4_datagram_connect() accepts an RTCF_BROADCAST route once SOCK_BROADCAST "
	       "is set; the frame goes to the Ethernet broadcast address, and on each host "
	       "__udp4_lib_mcast_deliver() hands it to every socket bound to the port.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_BROADCAST; __ip4_datagram_connect()", "every host on the link" },
		{ "POSIX", "SO_BROADCAST permits sending of broadcast messages", "every host on the link" },
		{ "BSD", "Stevens UNP vol. 1 §20.2-20.4", "every host on the link" },
	},
	.run = run,
};
