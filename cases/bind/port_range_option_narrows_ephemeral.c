// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.port_range_option_narrows_ephemeral
 *
 * IP_LOCAL_PORT_RANGE gives one socket its own ephemeral range.  Every
 * port the kernel then picks for the socket, at bind() to port 0 or at the
 * autobind of connect(), comes from the intersection of that range with
 * the namespace's (here 40000-49999); 0 as either bound leaves that side
 * to the namespace.  A socket range that does not overlap the namespace's
 * is ignored: the namespace range applies.
 *
 * References: kselftest tools/testing/selftests/net/ip_local_port_range.c
 * single_port_range, port_range_out_of_netns_range, late_bind (ip4_udp,
 * ip6_udp); inet_sk_get_local_port_range() in net/ipv4/inet_connection_sock.c;
 * Linux commit 91d0b78c5177 ("inet: Add IP_LOCAL_PORT_RANGE socket option").
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *single = sock_open(p, HOST_CLIENT, "single");
	struct sock *low = sock_open(p, HOST_CLIENT, "low");
	struct sock *high = sock_open(p, HOST_CLIENT, "high");
	struct sock *outside = sock_open(p, HOST_CLIENT, "outside");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_port_range(p, single, 45000, 45000));
	expect_ok(p, sock_bind(p, single, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, single), addr_wildcard(p, 45000));
	must(p, sockopt_port_range(p, low, 0, EPHEMERAL_LO));
	expect_ok(p, sock_bind(p, low, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, low), addr_wildcard(p, EPHEMERAL_LO));
	must(p, sockopt_port_range(p, high, EPHEMERAL_HI, 0));
	expect_ok(p, sock_bind(p, high, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, high), addr_wildcard(p, EPHEMERAL_HI));
	must(p, sockopt_port_range(p, outside, 30000, 30000));
	expect_ok(p, sock_bind(p, outside, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, outside), addr_wildcard(p, PORT_EPHEMERAL));
	must(p, sockopt_port_range(p, client, 45001, 45001));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, 45001));
}

const struct rule rule = {
	.id = "udp.bind.port_range_option_narrows_ephemeral",
	.sentence = "IP_LOCAL_PORT_RANGE limits the ports the kernel picks for a UDP socket, at "
		    "bind() to port 0 and at connect(), to its intersection with the namespace's "
		    "range, and is ignored when the two do not overlap.",
	.why = "udp_lib_get_port() with snum 0 (called by bind() and by inet_autobind()) "
	       "searches inet_sk_get_local_port_range(): the namespace range clamped to the "
	       "socket's, unless the clamped range would be empty.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet_sk_get_local_port_range() in net/ipv4/inet_connection_sock.c",
		  "intersection, else the namespace range" },
		{ "POSIX", "no such option", "unspecified" },
		{ "BSD", "IP_PORTRANGE (low, default, high) selects fixed ranges only", "unspecified" },
	},
	.tags = {
		{ "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option", "v6.3" },
	},
	.run = run,
};
