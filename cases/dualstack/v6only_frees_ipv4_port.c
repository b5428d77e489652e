// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.v6only_frees_ipv4_port
 *
 * A dual-stack AF_INET6 socket bound to [::] holds the port for IPv4 too,
 * so an AF_INET socket cannot bind 0.0.0.0 on the same port (EADDRINUSE).
 * With IPV6_V6ONLY the [::] socket holds only the IPv6 side, and the same
 * AF_INET bind succeeds: the two sockets share the port number, one per
 * family.
 *
 * References: ipv6(7) IPV6_V6ONLY; udp_lib_lport_inuse() in
 * net/ipv4/udp.c with inet_rcv_saddr_equal() (net/ipv4/inet_connection_sock.c:
 * an IPv6-only socket never equals an IPv4 address); RFC 3493 §5.3.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *dual = sock_open(p, HOST_SERVER, "dualstack");
	struct sock *v6only = sock_open(p, HOST_SERVER, "v6only");
	struct sock *inet_a = sock_open_inet(p, HOST_SERVER, "ipv4_a");
	struct sock *inet_b = sock_open_inet(p, HOST_SERVER, "ipv4_b");

	must(p, sock_bind(p, dual, addr_wildcard(p, PORT_SERVER)));
	expect_errno(p, sock_bind(p, inet_a, addr_inet_wildcard(PORT_SERVER)), EADDRINUSE);

	must(p, sockopt_set_int(p, v6only, SOCKOPT(IPPROTO_IPV6, IPV6_V6ONLY), 1));
	must(p, sock_bind(p, v6only, addr_wildcard(p, PORT_OTHER)));
	expect_ok(p, sock_bind(p, inet_b, addr_inet_wildcard(PORT_OTHER)));
}

const struct rule rule = {
	.id = "udp.dualstack.v6only_frees_ipv4_port",
	.sentence = "An AF_INET UDP socket cannot bind 0.0.0.0 on a port a dual-stack [::] socket "
		    "holds (EADDRINUSE), but can when that socket is IPV6_V6ONLY.",
	.why = "udp_lib_lport_inuse() compares the bound addresses with inet_rcv_saddr_equal(), "
	       "where [::] covers 0.0.0.0 unless the IPv6 socket is IPv6-only.",
	.families = FAM_MAPPED,
	.skip_why = "It is about an AF_INET6 socket's IPv4 side; only the mapped family has one.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_lib_lport_inuse() in net/ipv4/udp.c", "EADDRINUSE, then 0" },
		{ "POSIX", "IPV6_V6ONLY; RFC 3493 §5.3", "EADDRINUSE, then 0" },
		{ "BSD", "FreeBSD in_pcbbind_setup(): V6ONLY PCBs leave the IPv4 port free",
		  "EADDRINUSE, then 0" },
	},
	.run = run,
};
