// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.mapped_needs_ip_recverr
 *
 * An AF_INET6 socket that talks to an IPv4 peer (::ffff:a.b.c.d) sends
 * IPv4 datagrams and gets ICMPv4 errors back.  Those are handled by the
 * IPv4 code, which looks at IP_RECVERR, not IPV6_RECVERR: with only
 * IPV6_RECVERR set, the error queue of such a socket stays empty, although
 * the error itself does arrive (a port unreachable still shows as
 * ECONNREFUSED on the connected socket).  IP_RECVERR (level SOL_IP, which
 * an AF_INET6 UDP socket accepts) is what makes the errors queue.
 *
 * References: ipv6(7) IPV6_RECVERR ("See IP_RECVERR in ip(7)"); ip(7)
 * IP_RECVERR; __udp4_lib_err() in net/ipv4/udp.c tests
 * inet_test_bit(RECVERR, sk), the bit IP_RECVERR sets; do_ipv6_setsockopt()
 * in net/ipv6/ipv6_sockglue.c sets only RECVERR6 for IPV6_RECVERR;
 * ipv6_setsockopt() passes level SOL_IP on to ip_setsockopt() (udp_prot).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *v6_only = sock_open(p, HOST_CLIENT, "v6_recverr");
	struct sock *v4_too = sock_open(p, HOST_CLIENT, "ip_recverr");

	must(p, sockopt_set_int(p, v6_only, SOCKOPT(SOL_IPV6, IPV6_RECVERR), 1));
	must(p, sockopt_set_int(p, v4_too, SOCKOPT(SOL_IP, IP_RECVERR), 1));
	must(p, sock_connect(p, v6_only, closed));
	must(p, sock_connect(p, v4_too, closed));
	must(p, sock_send(p, v6_only, "ping"));
	must(p, sock_send(p, v4_too, "ping"));

	expect_errno(p, sock_recv(p, v6_only), ECONNREFUSED);
	expect_errno(p, errq_recv(p, v6_only).call, EAGAIN);
	expect_errqueue(p, errq_recv(p, v4_too), errq_port_unreachable(p));
}

const struct rule rule = {
	.id = "udp.errors.mapped_needs_ip_recverr",
	.sentence = "An AF_INET6 UDP socket with an IPv4-mapped peer queues its ICMP errors "
		    "only with IP_RECVERR; IPV6_RECVERR alone leaves the error queue empty.",
	.why = "ICMPv4 errors reach __udp4_lib_err(), which queues them with "
	       "ip_icmp_error() only if the IPv4 RECVERR bit (IP_RECVERR) is set; "
	       "IPV6_RECVERR sets RECVERR6, which only __udp6_lib_err() reads.",
	.families = FAM_MAPPED,
	.skip_why = "only an AF_INET6 socket with an IPv4 peer has two RECVERR options to choose from",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp4_lib_err() in net/ipv4/udp.c",
		  "queued with IP_RECVERR only" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no IP_RECVERR", "not available" },
	},
	.run = run,
};
