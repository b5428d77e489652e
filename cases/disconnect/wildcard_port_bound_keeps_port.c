// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.wildcard_port_bound_keeps_port
 *
 * A socket bound to the wildcard address with an explicit port gets a
 * concrete local address when it connects (the route's source).  Disconnect
 * gives the address back, the socket is bound to the wildcard again, and
 * keeps the port the application chose.
 *
 * References: __udp_disconnect() in net/ipv4/udp.c (inet_reset_saddr()
 * unless SOCK_BINDADDR_LOCK, which a wildcard bind does not set; the port
 * stays because SOCK_BINDPORT_LOCK is set); ip4_datagram_connect() in
 * net/ipv4/datagram.c, ip6_datagram_connect() in net/ipv6/datagram.c;
 * Stevens UNP vol. 1 §8.11, §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_wildcard(p, PORT_CLIENT)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_CLIENT));

	expect_ok(p, sock_disconnect(p, client));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.disconnect.wildcard_port_bound_keeps_port",
	.sentence = "A UDP socket bound to the wildcard with a port is back on the wildcard "
		    "after connect and disconnect, and keeps its port.",
	.why = "connect() copies the route's source into the socket; "
	       "__udp_disconnect() resets it with inet_reset_saddr() because the "
	       "wildcard bind did not set SOCK_BINDADDR_LOCK, and keeps the port "
	       "because the bind set SOCK_BINDPORT_LOCK.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "wildcard, port kept" },
		{ "POSIX", "connect(): resetting the peer says nothing of the local address",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: the local address is reset, the port kept",
		  "wildcard, port kept" },
	},
	.run = run,
};
