// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.af_unspec_wildcard_accepted_on_inet
 *
 * An AF_INET socket's bind() takes a sockaddr whose family is AF_UNSPEC as
 * if it were AF_INET, but only when the address in it is INADDR_ANY:
 * old programs pass a zeroed sockaddr to mean "any address".  Any other
 * address under AF_UNSPEC fails with EAFNOSUPPORT and binds nothing.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc
 * UdpSocketTest.DisconnectAfterBindToUnspecAndConnect; Linux commit
 * 29c486df6a20 ("net: ipv4: relax AF_INET check in bind()"); the check in
 * inet_bind_sk()/__inet_bind() in net/ipv4/af_inet.c.  AF_INET6 sockets
 * accept nothing but AF_INET6 (inet6_bind_sk()), hence IPv4 only.
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *refused = sock_open(p, HOST_CLIENT, "refused");

	expect_errno(p, sock_bind_unspec(p, refused, addr_host(p, HOST_CLIENT, PORT_OTHER)),
		     EAFNOSUPPORT);
	expect_addr(p, sock_getsockname(p, refused), addr_wildcard(p, 0));
	expect_ok(p, sock_bind_unspec(p, client, addr_wildcard(p, PORT_CLIENT)));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.bind.af_unspec_wildcard_accepted_on_inet",
	.sentence = "bind() on an AF_INET UDP socket accepts an AF_UNSPEC sockaddr whose address "
		    "is INADDR_ANY and binds the wildcard with its port; with any other address it "
		    "fails with EAFNOSUPPORT.",
	.why = "The AF_INET bind path maps AF_UNSPEC to AF_INET for compatibility only when "
	       "sin_addr is INADDR_ANY (commit 29c486df6a20); anything else is -EAFNOSUPPORT.",
	.families = FAM_IPV4,
	.skip_why = "an AF_INET6 socket refuses every family but AF_INET6 in bind() "
		    "(inet6_bind_sk()): there is no compatibility case to check",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet_bind_sk() in net/ipv4/af_inet.c", "accepted for INADDR_ANY only" },
		{ "POSIX", "bind(): [EAFNOSUPPORT] address not valid for this family", "EAFNOSUPPORT" },
		{ "BSD", "in_pcbbind_setup(): AF_INET required", "EAFNOSUPPORT" },
	},
	.tags = {
		{ "linux-git", "29c486df6a20", "net: ipv4: relax AF_INET check in bind()", "v4.12" },
	},
	.run = run,
};
