// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.v6only_connect_mapped_enetunreach
 *
 * An AF_INET6 socket with IPV6_V6ONLY speaks IPv6 only, and an IPv4-mapped
 * address ::ffff:a.b.c.d is an IPv4 destination: connect() to one fails
 * with ENETUNREACH (no IPv6 network reaches it) and leaves the socket
 * unconnected.
 *
 * References: ipv6(7) IPV6_V6ONLY; RFC 3493 §5.3; __ip6_datagram_connect()
 * in net/ipv6/datagram.c ("if (addr_type & IPV6_ADDR_MAPPED) { ... if
 * (__ipv6_only_sock(sk)) { err = -ENETUNREACH;").
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_set_int(p, client, SOCKOPT(IPPROTO_IPV6, IPV6_V6ONLY), 1));
	expect_errno(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)), ENETUNREACH);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.dualstack.v6only_connect_mapped_enetunreach",
	.sentence = "connect() to an IPv4-mapped address on an AF_INET6 UDP socket with IPV6_V6ONLY "
		    "fails with ENETUNREACH and leaves it unconnected.",
	.why = "__ip6_datagram_connect() refuses a mapped destination on an IPv6-only socket with "
	       "-ENETUNREACH before it changes anything.",
	.families = FAM_MAPPED,
	.skip_why = "Only IPv4-mapped peers are affected by IPV6_V6ONLY; AF_INET sockets have no "
		    "such option and native IPv6 peers are allowed.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip6_datagram_connect() in net/ipv6/datagram.c", "ENETUNREACH" },
		{ "POSIX", "IPV6_V6ONLY: the socket can be used for IPv6 communication only",
		  "an error" },
		{ "BSD", "FreeBSD udp6_connect(): EINVAL for a mapped address on a V6ONLY socket",
		  "EINVAL" },
	},
	.run = run,
};
