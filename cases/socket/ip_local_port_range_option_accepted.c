// SPDX-License-Identifier: GPL-2.0-only
/* udp.socket.ip_local_port_range_option_accepted
 *
 * IP_LOCAL_PORT_RANGE (v6.3, 91d0b78c5177) gives one socket its own range
 * of ephemeral ports, within the namespace's ip_local_port_range: the low
 * port in the option's lower 16 bits, the high port in its upper 16.  Set
 * at level IPPROTO_IP, it applies to AF_INET6 sockets too (ipv6_setsockopt()
 * hands SOL_IP to ip_setsockopt()).  Before v6.3 do_ip_setsockopt() does
 * not know the option and answers ENOPROTOOPT.
 *
 * References: ip(7) IP_LOCAL_PORT_RANGE; do_ip_setsockopt() in
 * net/ipv4/ip_sockglue.c; inet_sk_get_local_port_range() in
 * net/ipv4/inet_connection_sock.c; tools/testing/selftests/net/ip_local_port_range.c.
 */
#include "udpc.h"

#include <netinet/in.h>

#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51
#endif

/* Ports 10000..20000: below the topology's ephemeral range, so the value
 * is the rule's own; 20000 << 16 still fits an int. */
enum { RANGE_LO = 10000, RANGE_HI = 20000 };

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sockopt_set_int(p, client, SOCKOPT(IPPROTO_IP, IP_LOCAL_PORT_RANGE),
				     RANGE_HI << 16 | RANGE_LO));
}

const struct rule rule = {
	.id = "udp.socket.ip_local_port_range_option_accepted",
	.sentence = "setsockopt(IPPROTO_IP, IP_LOCAL_PORT_RANGE) with a range inside the "
		    "namespace's is accepted on a UDP socket, AF_INET or AF_INET6.",
	.why = "do_ip_setsockopt() stores the range in inet_sk(sk)->local_port_range, "
	       "which inet_sk_get_local_port_range() intersects with the namespace's "
	       "range when bind() or connect() picks a port.",
	.families = FAM_IPV4 | FAM_IPV6,
	.skip_why = "an option set before connect(): a v4-mapped peer changes nothing",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "ip(7) IP_LOCAL_PORT_RANGE (since Linux 6.3)", "0" },
		{ "POSIX", "no such option", "not specified" },
		{ "BSD", "FreeBSD IP_PORTRANGE picks one of three fixed ranges", "not specified" },
	},
	.known = {
		.families = FAM_IPV4 | FAM_IPV6,
		.fixed = "v6.3",
		.stable = "6.1.32",
		.kernels = "v6.2 and older, except 6.1 from 6.1.32 on (the option came with "
			   "91d0b78c5177 in v6.3 and its stable backport in 6.1.32)",
		.cause = "do_ip_setsockopt() does not know IP_LOCAL_PORT_RANGE before v6.3 and "
			 "answers ENOPROTOOPT",
	},
	.tags = {
		{ "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option",
		  "v6.3" },
	},
	.run = run,
};
