// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.af_unspec_refused_on_inet6
 *
 * The AF_UNSPEC compatibility of AF_INET's bind() (see
 * udp.bind.af_unspec_wildcard_accepted_on_inet) has no counterpart for
 * AF_INET6: an AF_INET6 UDP socket's bind() with sa_family AF_UNSPEC fails
 * with EAFNOSUPPORT even for the wildcard, and the socket stays unbound.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc
 * UdpSocketTest.DisconnectAfterBindToUnspecAndConnect (AF_INET6:
 * EAFNOSUPPORT); __inet6_bind() / inet6_bind_sk() in net/ipv6/af_inet6.c
 * ("if (addr->sin6_family != AF_INET6) return -EAFNOSUPPORT").
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_bind_unspec(p, client, addr_wildcard(p, PORT_CLIENT)), EAFNOSUPPORT);
	expect_errno(p, sock_bind_unspec(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)),
		     EAFNOSUPPORT);
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.bind.af_unspec_refused_on_inet6",
	.sentence = "bind() on an AF_INET6 UDP socket with an AF_UNSPEC sockaddr fails with "
		    "EAFNOSUPPORT, for the wildcard as for an address, and leaves it unbound.",
	.why = "inet6_bind_sk() accepts only sin6_family AF_INET6; unlike the AF_INET path it "
	       "has no AF_UNSPEC compatibility case.",
	.families = FAM_IPV6 | FAM_MAPPED,
	.skip_why = "an AF_INET socket accepts AF_UNSPEC with INADDR_ANY: see "
		    "udp.bind.af_unspec_wildcard_accepted_on_inet",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet6_bind_sk() in net/ipv6/af_inet6.c", "EAFNOSUPPORT" },
		{ "POSIX", "bind(): [EAFNOSUPPORT] address not valid for this family", "EAFNOSUPPORT" },
		{ "BSD", "in6_pcbbind(): EAFNOSUPPORT", "EAFNOSUPPORT" },
	},
	.run = run,
};
