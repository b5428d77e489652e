// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.v6only_connect_inet_sockaddr_eafnosupport
 *
 * An AF_INET6 socket takes a plain AF_INET sockaddr in connect() as the
 * mapped address (udp.connect.inet_address_on_inet6_socket_connects_mapped)
 * only while it may speak IPv4: with IPV6_V6ONLY the same call fails with
 * EAFNOSUPPORT, the family is not supported on this socket.
 *
 * References: __ip6_datagram_connect() in net/ipv6/datagram.c ("if
 * (usin->sin6_family == AF_INET) { if (ipv6_only_sock(sk)) return
 * -EAFNOSUPPORT;"); POSIX connect() [EAFNOSUPPORT]; ipv6(7) IPV6_V6ONLY.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_set_int(p, client, SOCKOPT(IPPROTO_IPV6, IPV6_V6ONLY), 1));
	expect_errno(p, sock_connect(p, client, addr_other_family(p, HOST_SERVER, PORT_SERVER)),
		     EAFNOSUPPORT);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.dualstack.v6only_connect_inet_sockaddr_eafnosupport",
	.sentence = "connect() with an AF_INET sockaddr on an AF_INET6 UDP socket with IPV6_V6ONLY "
		    "fails with EAFNOSUPPORT.",
	.why = "__ip6_datagram_connect() hands an AF_INET address to __ip4_datagram_connect() only "
	       "when the socket is not IPv6-only, and answers -EAFNOSUPPORT otherwise.",
	.families = FAM_MAPPED,
	.skip_why = "It is about IPv4 addresses on an IPv6 socket; the IPv4 and IPv6 families "
		    "have no IPv4 peer on an AF_INET6 socket.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip6_datagram_connect() in net/ipv6/datagram.c", "EAFNOSUPPORT" },
		{ "POSIX", "connect(): [EAFNOSUPPORT] the address family cannot be used", "EAFNOSUPPORT" },
		{ "BSD", "FreeBSD udp6_connect(): EINVAL for AF_INET (sa_len mismatch)", "EINVAL" },
	},
	.run = run,
};
