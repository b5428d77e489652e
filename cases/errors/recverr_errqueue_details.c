// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.recverr_errqueue_details
 *
 * With IP_RECVERR (IPV6_RECVERR on IPv6) set, the kernel keeps every ICMP
 * error in the socket's error queue, and recvmsg(MSG_ERRQUEUE) returns it
 * whole: the offending datagram's payload, the address it was sent to, and
 * a sock_extended_err control message saying ECONNREFUSED, from ICMP,
 * type 3 code 3 (ICMPv6: type 1 code 4), sent by the server (the
 * offender).
 *
 * The mapped family is an AF_INET6 socket whose datagrams travel as IPv4,
 * so its ICMP errors are ICMPv4 and __udp4_lib_err() handles them: it asks
 * the IPv4 flag, IP_RECVERR, which is therefore the option set here
 * (IPV6_RECVERR alone does not do it, see mapped_needs_ip_recverr).  The
 * queue is read by ipv6_recv_error(), which reports the error in an
 * SOL_IPV6/IPV6_RECVERR message with the offender as ::ffff:a.b.c.d.
 *
 * References: ip(7) IP_RECVERR, ipv6(7) IPV6_RECVERR; ip_icmp_error() and
 * ip_recv_error() in net/ipv4/ip_sockglue.c, ipv6_icmp_error() and
 * ipv6_recv_error() in net/ipv6/datagram.c; RFC 1122 §4.1.3.3.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, 0));

	expect_errqueue(p, errq_recv(p, client), errq_port_unreachable(p));
}

const struct rule rule = {
	.id = "udp.errors.recverr_errqueue_details",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) set, MSG_ERRQUEUE returns the ICMP port "
		    "unreachable as a sock_extended_err: ECONNREFUSED, its ICMP origin, type "
		    "and code, and the server as offender.",
	.why = "__udp4_lib_err() (__udp6_lib_err()) calls ip_icmp_error() "
	       "(ipv6_icmp_error()) when the socket's RECVERR flag is set; "
	       "ip_recv_error() (ipv6_recv_error()) turns the queued error into a "
	       "control message carrying the ICMP header fields and the source of "
	       "the ICMP as offender.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; ip_recv_error(), ipv6_recv_error()",
		  "ECONNREFUSED, ICMP 3/3 (ICMPv6 1/4), offender = server" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no IP_RECVERR; Stevens UNP vol. 1 §8.9: only errno", "not available" },
	},
	.run = run,
};
