// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.local_address_set_and_reset
 *
 * connect() sends nothing, but it does fix the local end: an unbound socket
 * gets the source address of the route to the peer and an ephemeral port.
 * Disconnecting undoes exactly what the kernel chose: the address goes back
 * to the wildcard and the automatically chosen port is released.  What the
 * application bound itself stays exactly as bound.
 *
 * References: ip(7) "ip_local_port_range"; ip4_datagram_connect() in
 * net/ipv4/datagram.c, ip6_datagram_connect() in net/ipv6/datagram.c,
 * __udp_disconnect() in net/ipv4/udp.c (SOCK_BINDADDR_LOCK and
 * SOCK_BINDPORT_LOCK say what the application bound); Stevens UNP vol. 1
 * §8.11, §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *bound = sock_open(p, HOST_CLIENT, "bound");

	expect_ok(p, sock_connect(p, client, server));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_ok(p, sock_disconnect(p, client));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));

	must(p, sock_bind(p, bound, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_ok(p, sock_connect(p, bound, server));
	expect_addr(p, sock_getsockname(p, bound), addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_ok(p, sock_disconnect(p, bound));
	expect_addr(p, sock_getsockname(p, bound), addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.connect.local_address_set_and_reset",
	.sentence = "connect() gives an unbound UDP socket the route's source address and an "
		    "ephemeral port, disconnect takes both back, and an explicit bind stays as bound.",
	.why = "inet_dgram_connect() autobinds an unbound socket to an ephemeral port and "
	       "ip4_datagram_connect() (ip6_datagram_connect()) copies the route's source "
	       "address into the socket; __udp_disconnect() resets the address unless "
	       "SOCK_BINDADDR_LOCK is set and unhashes the port unless SOCK_BINDPORT_LOCK "
	       "is set, the two flags bind() sets.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7); __udp_disconnect() in net/ipv4/udp.c",
		  "route source + ephemeral port; both reset on disconnect; bind kept" },
		{ "POSIX", "connect(): binds an unbound socket to an unused local address",
		  "a local address; disconnect unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: address reset to 0, port kept",
		  "address reset, port kept" },
	},
	.run = run,
};
