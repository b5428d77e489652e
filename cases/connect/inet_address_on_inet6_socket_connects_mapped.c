// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.inet_address_on_inet6_socket_connects_mapped
 *
 * An IPv6 socket that is not IPV6_V6ONLY takes a plain AF_INET sockaddr in
 * connect() as if it were the IPv4-mapped address ::ffff:a.b.c.d: it
 * connects, getpeername() reports the mapped form, and datagrams go to the
 * IPv4 peer.  Only the reverse (an AF_INET6 address on an IPv4 socket) is
 * refused.
 *
 * References: __ip6_datagram_connect() in net/ipv6/datagram.c (an AF_INET
 * sin6_family goes to __ip4_datagram_connect() unless ipv6_only_sock(), then
 * the mapped addresses are stored), udpv6_pre_connect() in net/ipv6/udp.c;
 * ipv6(7) "IPv4-mapped"; POSIX connect() [EAFNOSUPPORT]; RFC 3493 §3.7.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_connect(p, client, addr_other_family(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getpeername(p, client), addr_host(p, HOST_SERVER, PORT_SERVER));
	expect_ok(p, sock_send(p, client, "ping"));
	expect_datagram(p, sock_recv(p, server), "ping", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.inet_address_on_inet6_socket_connects_mapped",
	.sentence = "connect() on an IPv6 UDP socket accepts an AF_INET address and connects "
		    "to it as the IPv4-mapped address.",
	.why = "__ip6_datagram_connect() hands an AF_INET sockaddr to __ip4_datagram_connect() "
	       "unless the socket is IPV6_V6ONLY, then records the peer and source as "
	       "::ffff:a.b.c.d (ipv6_addr_set_v4mapped()).",
	.families = FAM_MAPPED,
	.skip_why = "the socket must be IPv6 and the peer IPv4, which is the mapped family; "
		    "an IPv4 socket refuses AF_INET6: udp.connect.inet6_address_on_inet_socket_eafnosupport",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip6_datagram_connect() in net/ipv6/datagram.c", "0, peer ::ffff:a.b.c.d" },
		{ "POSIX", "connect(): [EAFNOSUPPORT] not a valid address for the socket's family",
		  "EAFNOSUPPORT" },
		{ "BSD", "Stevens UNP vol. 1 §12.2-12.4 covers only ::ffff:a.b.c.d written as AF_INET6",
		  "unspecified" },
	},
	.run = run,
};
