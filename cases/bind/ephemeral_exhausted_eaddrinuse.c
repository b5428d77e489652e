// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.ephemeral_exhausted_eaddrinuse
 *
 * bind() to port 0 asks the kernel for a free port of the socket's
 * ephemeral range.  With IP_LOCAL_PORT_RANGE narrowing that range to one
 * port, and that port held by another socket, there is none to give:
 * bind() fails with EADDRINUSE and the socket stays unbound.  The same
 * socket with a free range binds at once.
 *
 * References: kselftest tools/testing/selftests/net/ip_local_port_range.c
 * exhaust_8_port_range (ip4_udp, ip6_udp); udp_lib_get_port() in
 * net/ipv4/udp.c (the search over inet_sk_get_local_port_range() ends in
 * "fail"), __inet_bind() turning that into -EADDRINUSE; Linux commit
 * 91d0b78c5177 (IP_LOCAL_PORT_RANGE).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct sock *holder = sock_open(p, HOST_CLIENT, "holder");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, holder, addr_wildcard(p, EPHEMERAL_LO)));
	must(p, sockopt_port_range(p, client, EPHEMERAL_LO, EPHEMERAL_LO));
	expect_errno(p, sock_bind(p, client, addr_wildcard(p, 0)), EADDRINUSE);
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
	must(p, sockopt_port_range(p, client, EPHEMERAL_LO + 1, EPHEMERAL_LO + 1));
	expect_ok(p, sock_bind(p, client, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, EPHEMERAL_LO + 1));
}

const struct rule rule = {
	.id = "udp.bind.ephemeral_exhausted_eaddrinuse",
	.sentence = "bind() of a UDP socket to port 0 fails with EADDRINUSE when every port of its "
		    "ephemeral range is in use, and leaves the socket unbound.",
	.why = "udp_lib_get_port() with snum 0 searches only inet_sk_get_local_port_range() "
	       "(the namespace range narrowed by IP_LOCAL_PORT_RANGE); finding no free port it "
	       "fails and __inet_bind() returns -EADDRINUSE after undoing the address.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp_lib_get_port() in net/ipv4/udp.c", "EADDRINUSE" },
		{ "POSIX", "bind(): no case for a used-up port range", "unspecified" },
		{ "BSD", "in_pcb_lport(): EADDRNOTAVAIL when the range is used up", "EADDRNOTAVAIL" },
	},
	.tags = {
		{ "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option", "v6.3" },
	},
	.run = run,
};
