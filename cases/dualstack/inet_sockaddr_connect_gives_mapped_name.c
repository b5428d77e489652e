// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.inet_sockaddr_connect_gives_mapped_name
 *
 * An AF_INET6 socket connected with a plain AF_INET sockaddr is still an
 * AF_INET6 socket: getsockname() returns a sockaddr_in6 (length 28) with
 * the IPv4 source the route chose written as ::ffff:a.b.c.d and the
 * kernel-chosen port, never a sockaddr_in.
 *
 * References: __ip6_datagram_connect() in net/ipv6/datagram.c (the AF_INET
 * branch, then ipv6_addr_set_v4mapped() of the IPv4 source into
 * sk_v6_rcv_saddr); inet6_getname() in net/ipv6/af_inet6.c (always
 * sizeof(struct sockaddr_in6)); RFC 3493 §3.7; ipv6(7).
 */
#include "udpc.h"

#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_other_family(p, HOST_SERVER, PORT_SERVER)));
	struct call name = sock_getsockname(p, client);
	expect_addr(p, name, addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_long(p, "getsockname() address length", (long)sizeof(struct sockaddr_in6),
		    (long)name.addr.len);
}

const struct rule rule = {
	.id = "udp.dualstack.inet_sockaddr_connect_gives_mapped_name",
	.sentence = "After connect() with an AF_INET sockaddr, getsockname() on an AF_INET6 UDP "
		    "socket returns its IPv4 source as an IPv4-mapped sockaddr_in6 of length 28.",
	.why = "__ip6_datagram_connect() connects through __ip4_datagram_connect() and stores the "
	       "chosen source as ::ffff:a.b.c.d; inet6_getname() reports the AF_INET6 view.",
	.families = FAM_MAPPED,
	.skip_why = "Only an AF_INET6 socket given an IPv4 peer has two views of its address.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet6_getname() in net/ipv6/af_inet6.c", "::ffff:a.b.c.d, 28" },
		{ "POSIX", "getsockname(); RFC 3493 §3.7", "::ffff:a.b.c.d" },
		{ "BSD", "FreeBSD in6_v4mapsin6_sockaddr()", "::ffff:a.b.c.d" },
	},
	.run = run,
};
