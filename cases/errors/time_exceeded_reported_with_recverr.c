// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.time_exceeded_reported_with_recverr
 *
 * With IP_RECVERR (IPV6_RECVERR) the soft error is delivered: a datagram
 * sent with TTL 1 (hop limit 1) dies at the router, and the connected
 * socket's next recv() fails with EHOSTUNREACH; the error queue holds the
 * ICMP time exceeded (type 11 code 0, ICMPv6 3/0) with the router as
 * offender.
 *
 * References: ip(7) IP_RECVERR; RFC 1122 §4.1.3.3; __udp4_lib_err() in
 * net/ipv4/udp.c (ICMP_TIME_EXCEEDED: EHOSTUNREACH; with RECVERR the error
 * is queued and stored whatever harderr says), __udp6_lib_err() in
 * net/ipv6/udp.c with icmpv6_err_convert(); ip_forward() and ip6_forward()
 * (the router's side).
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>

static struct ee_want time_exceeded(struct probe *p)
{
	struct addr router = addr_host(p, HOST_ROUTER, 0);

	if (probe_family(p) == FAM_IPV6)
		return (struct ee_want){ SOL_IPV6,
					 IPV6_RECVERR,
					 EHOSTUNREACH,
					 SO_EE_ORIGIN_ICMP6,
					 ICMP6_TIME_EXCEEDED,
					 ICMP6_TIME_EXCEED_TRANSIT,
					 router };
	return (struct ee_want){ probe_family(p) == FAM_IPV4 ? SOL_IP : SOL_IPV6,
				 probe_family(p) == FAM_IPV4 ? IP_RECVERR : IPV6_RECVERR,
				 EHOSTUNREACH,
				 SO_EE_ORIGIN_ICMP,
				 ICMP_TIME_EXCEEDED,
				 ICMP_EXC_TTL,
				 router };
}

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sockopt_hops_set(p, client, 1));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_send(p, client, "dies at the router"));

	expect_errno(p, sock_recv(p, client), EHOSTUNREACH);
	expect_errqueue(p, errq_recv(p, client), time_exceeded(p));
}

const struct rule rule = {
	.id = "udp.errors.time_exceeded_reported_with_recverr",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) set, an ICMP time exceeded from a router "
		    "(TTL 1) is reported as EHOSTUNREACH and queued with the router as offender.",
	.why = "With RECVERR, __udp4_lib_err() (__udp6_lib_err()) queues every ICMP "
	       "error with ip_icmp_error() (ipv6_icmp_error()) and stores it in sk_err, "
	       "soft or hard; time exceeded converts to EHOSTUNREACH.",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; __udp4_lib_err() in net/ipv4/udp.c",
		  "EHOSTUNREACH; ICMP 11/0 (ICMPv6 3/0), offender = router" },
		{ "POSIX", "no IP_RECVERR", "not specified" },
		{ "BSD", "no IP_RECVERR", "not available" },
	},
	.run = run,
};
