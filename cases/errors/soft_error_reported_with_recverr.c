// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.soft_error_reported_with_recverr
 *
 * IP_RECVERR (IPV6_RECVERR) asks for every ICMP error, soft ones included:
 * the host unreachable a router sends about a connected socket's datagram
 * becomes that socket's pending error (its next recv() fails with
 * EHOSTUNREACH; for IPv6 the router's "no route" gives ENETUNREACH) and
 * an error queue entry whose offender is the router.
 *
 * The router of the routed topology has no route to 198.18.9.0/24
 * (2001:db8:9::/64); it rate-limits its errors per source address
 * (route/error_cost, not per namespace), so this rule provokes one.
 *
 * References: ip(7) IP_RECVERR; RFC 1122 §4.1.3.3; __udp4_lib_err() in
 * net/ipv4/udp.c and __udp6_lib_err() in net/ipv6/udp.c (with RECVERR the
 * error is stored whatever harderr says); ip_error() in net/ipv4/route.c,
 * ip6_pkt_discard() in net/ipv6/route.c (the router's side).
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>

static struct ee_want unreachable(struct probe *p)
{
	struct addr router = addr_host(p, HOST_ROUTER, 0);

	if (probe_family(p) == FAM_IPV6)
		return (struct ee_want){ SOL_IPV6,
					 IPV6_RECVERR,
					 ENETUNREACH,
					 SO_EE_ORIGIN_ICMP6,
					 ICMP6_DST_UNREACH,
					 ICMP6_DST_UNREACH_NOROUTE,
					 router };
	return (struct ee_want){ probe_family(p) == FAM_IPV4 ? SOL_IP : SOL_IPV6,
				 probe_family(p) == FAM_IPV4 ? IP_RECVERR : IPV6_RECVERR,
				 EHOSTUNREACH,
				 SO_EE_ORIGIN_ICMP,
				 ICMP_DEST_UNREACH,
				 ICMP_HOST_UNREACH,
				 router };
}

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct ee_want want = unreachable(p);

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, addr_unreachable(p, PORT_SERVER)));
	must(p, sock_send(p, client, "ping"));

	expect_errno(p, sock_recv(p, client), want.err);
	expect_errqueue(p, errq_recv(p, client), want);
}

const struct rule rule = {
	.id = "udp.errors.soft_error_reported_with_recverr",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) set, an ICMP host unreachable from a router "
		    "is reported to the connected UDP socket and queued with the router as offender.",
	.why = "With the socket's RECVERR flag set, __udp4_lib_err() "
	       "(__udp6_lib_err()) queues the error with ip_icmp_error() "
	       "(ipv6_icmp_error()) and stores it in sk_err whether it is soft or hard.",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; __udp4_lib_err()",
		  "EHOSTUNREACH (IPv6: ENETUNREACH), offender = router" },
		{ "POSIX", "no IP_RECVERR", "not specified" },
		{ "BSD", "no IP_RECVERR", "not available" },
	},
	.run = run,
};
