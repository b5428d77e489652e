// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.wildcard_address_is_local_host
 *
 * connect() to the wildcard address (0.0.0.0, ::) does not fail: it means
 * "this host".  The socket is connected to the loopback address, which is
 * what getpeername() reports, and what it sends reaches a socket on the
 * same host.  An old BSD convention (INADDR_ANY as destination meant the
 * primary local address) that Linux keeps in its own way.
 *
 * For an IPv4 peer the route lookup does it: __ip_route_output_key_hash()
 * in net/ipv4/route.c replaces a zero destination with the source, or with
 * 127.0.0.1 when there is none.  For IPv6, ip6_datagram_connect() in
 * net/ipv6/datagram.c replaces :: with ::1 before the lookup.
 *
 * The socket here is unbound: with a bound source, IPv4 would connect to
 * that source address instead.
 *
 * References: __ip_route_output_key_hash() in net/ipv4/route.c;
 * __ip6_datagram_connect() in net/ipv6/datagram.c; TCP/IP Illustrated
 * vol. 2 §22.8 (in_pcbconnect(): INADDR_ANY means the primary address).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr wildcard = addr_zero(p, PORT_SERVER);
	struct addr loopback = addr_loopback(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_CLIENT, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	expect_ok(p, sock_connect(p, client, wildcard));
	expect_addr(p, sock_getpeername(p, client), loopback);
	expect_ok(p, sock_send(p, client, "to myself"));
	expect_datagram(p, sock_recv(p, server), "to myself", addr_loopback(p, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.wildcard_address_is_local_host",
	.sentence = "connect() of an unbound UDP socket to the wildcard address connects it to "
		    "the loopback address of its own host.",
	.why = "For IPv4 the route lookup (__ip_route_output_key_hash()) turns a zero "
	       "destination into the source address or 127.0.0.1 and ip4_datagram_connect() "
	       "stores that as the peer; ip6_datagram_connect() turns :: into ::1 itself.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip_route_output_key_hash(); __ip6_datagram_connect()",
		  "peer 127.0.0.1 / ::1" },
		{ "POSIX", "connect(): says nothing of the wildcard as peer", "unspecified" },
		{ "BSD", "TCP/IP Illustrated vol. 2 §22.8: INADDR_ANY means the primary local address",
		  "peer a local address" },
	},
	.run = run,
};
