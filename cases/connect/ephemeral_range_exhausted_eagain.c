// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.ephemeral_range_exhausted_eagain
 *
 * The ephemeral ports of a host are a finite range.  With the range cut
 * down to one port (ip_local_port_range "40000 40000", set in the client's
 * namespace only), the first unbound socket to connect() takes port 40000;
 * a second one finds no free port, and its connect() fails with EAGAIN
 * (not EADDRINUSE, which bind() gives) and leaves it unbound and
 * unconnected.
 *
 * References: inet_dgram_connect() in net/ipv4/af_inet.c ("if
 * (!inet_sk(sk)->inet_num && inet_autobind(sk)) return -EAGAIN"),
 * inet_autobind(), udp_lib_get_port() in net/ipv4/udp.c (searches
 * inet_sk_get_local_port_range()); connect(2) "EAGAIN ... insufficient
 * entries in the routing cache" / ip(7) ip_local_port_range; POSIX
 * connect() [EADDRNOTAVAIL] "No local address or port is available".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *first = sock_open(p, HOST_CLIENT, "first");
	struct sock *second = sock_open(p, HOST_CLIENT, "second");

	sysctl_host_set(p, HOST_CLIENT, "ipv4/ip_local_port_range", "40000 40000");
	expect_ok(p, sock_connect(p, first, peer));
	struct call name = sock_getsockname(p, first);
	expect_long(p, "getsockname(first) port: the one port of the range", 40000,
		    addr_port(&name.addr));
	expect_errno(p, sock_connect(p, second, peer), EAGAIN);
	expect_addr(p, sock_getsockname(p, second), addr_wildcard(p, 0));
	expect_errno(p, sock_getpeername(p, second), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.ephemeral_range_exhausted_eagain",
	.sentence = "connect() of an unbound UDP socket fails with EAGAIN when every port of "
		    "the ephemeral range is taken, and leaves the socket unbound.",
	.why = "inet_dgram_connect() autobinds a socket without a port and turns any failure "
	       "of inet_autobind() (udp_lib_get_port() found no free port in the range) into "
	       "-EAGAIN before the peer is stored.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_dgram_connect() in net/ipv4/af_inet.c", "EAGAIN" },
		{ "POSIX", "connect(): [EADDRNOTAVAIL] no local port is available", "EADDRNOTAVAIL" },
		{ "BSD", "in_pcbbind() in 4.4BSD: EADDRINUSE when the range is exhausted",
		  "EADDRINUSE" },
	},
	.run = run,
};
