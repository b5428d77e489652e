// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.ipv6_recverr_on_inet_socket_refused
 *
 * An AF_INET socket has no IPv6 options: setsockopt(SOL_IPV6,
 * IPV6_RECVERR) fails with ENOPROTOOPT and getsockopt() of it with
 * EOPNOTSUPP, so a program that sets the IPv6 option on every socket
 * gets no error queue on its IPv4 ones.  (An AF_INET6 socket is the other
 * way round: it accepts SOL_IP options, see
 * ip_recverr_alone_on_ipv6_socket_queues_nothing.)
 *
 * References: gVisor udp_socket.cc RecvErrorConnRefusedOtherAFSockOpt;
 * udp_setsockopt() -> ip_setsockopt() in net/ipv4/ip_sockglue.c ("if
 * (level != SOL_IP) return -ENOPROTOOPT"), udp_getsockopt() ->
 * ip_getsockopt() ("if (level != SOL_IP) return -EOPNOTSUPP").
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sockopt_set_int(p, client, SOCKOPT(SOL_IPV6, IPV6_RECVERR), 1), ENOPROTOOPT);
	expect_errno(p, sockopt_get_int(p, client, SOCKOPT(SOL_IPV6, IPV6_RECVERR), sizeof(int)),
		     EOPNOTSUPP);
}

const struct rule rule = {
	.id = "udp.errors.ipv6_recverr_on_inet_socket_refused",
	.sentence = "On an AF_INET UDP socket setsockopt(IPV6_RECVERR) fails with ENOPROTOOPT and "
		    "getsockopt(IPV6_RECVERR) with EOPNOTSUPP.",
	.why = "ip_setsockopt() answers any level but SOL_IP with -ENOPROTOOPT and "
	       "ip_getsockopt() with -EOPNOTSUPP; an AF_INET socket never reaches "
	       "ipv6_setsockopt().",
	.families = FAM_IPV4,
	.skip_why = "the rule is about an AF_INET socket; AF_INET6 sockets have IPV6_RECVERR",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "ip_setsockopt(), ip_getsockopt() in net/ipv4/ip_sockglue.c",
		  "ENOPROTOOPT, EOPNOTSUPP" },
		{ "POSIX", "setsockopt(): [ENOPROTOOPT] the option is not supported by the protocol",
		  "ENOPROTOOPT" },
		{ "BSD", "no IPV6_RECVERR", "ENOPROTOOPT" },
	},
	.run = run,
};
