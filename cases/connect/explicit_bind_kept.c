// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.explicit_bind_kept
 *
 * An address the application bound stays the socket's address through
 * connect(), even when the route to the peer would have chosen another: the
 * client binds its address on the server's link and connects to the
 * stranger, which is on its other link.  The socket keeps the bound address
 * and port, and its datagrams carry them.
 *
 * References: ip4_datagram_connect() in net/ipv4/datagram.c (passes the
 * bound inet_saddr to ip_route_connect() as the flow's source and keeps it),
 * ip6_datagram_dst_update() in net/ipv6/datagram.c; POSIX bind();
 * Stevens UNP vol. 1 §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr bound = addr_host(p, HOST_CLIENT, PORT_CLIENT); /* on the server's link */
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_bind(p, client, bound));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_addr(p, sock_getsockname(p, client), bound);
	must(p, sock_send(p, client, "ping"));
	expect_datagram(p, sock_recv(p, stranger), "ping", bound);
}

const struct rule rule = {
	.id = "udp.connect.explicit_bind_kept",
	.sentence = "connect() keeps the address and port a UDP socket was bound to, even when "
		    "the route to the peer would choose another source address.",
	.why = "ip4_datagram_connect() hands the bound address to ip_route_connect() as the "
	       "flow's source, so the route lookup keeps it, and writes the route's source "
	       "into the socket only where the address is still the wildcard "
	       "(ip6_datagram_dst_update() for IPv6).",
	.families = FAM_ALL,
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect() in net/ipv4/datagram.c", "bound address kept" },
		{ "POSIX", "bind(): assigns the local address", "bound address kept" },
		{ "BSD", "Stevens UNP vol. 1 §8.14", "bound address kept" },
	},
	.run = run,
};
