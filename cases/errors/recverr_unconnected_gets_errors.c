// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.recverr_unconnected_gets_errors
 *
 * IP_RECVERR lifts the "connected sockets only" rule: an unconnected
 * socket that sent a datagram with sendto() to a closed port is told about
 * the ICMP port unreachable, both as a pending error (its next recv() fails
 * with ECONNREFUSED) and as an entry in its error queue; recvmsg()
 * (MSG_ERRQUEUE) also returns the destination the datagram went to, so the
 * application can tell which of its peers it was.
 *
 * IPv4 and mapped set IP_RECVERR (mapped: see mapped_needs_ip_recverr),
 * IPv6 sets IPV6_RECVERR.
 *
 * References: ip(7) IP_RECVERR ("the error is also passed ... for
 * unconnected sockets"); __udp4_lib_err() in net/ipv4/udp.c and
 * __udp6_lib_err() in net/ipv6/udp.c skip the TCP_ESTABLISHED test when
 * RECVERR is set and store sk_err as well; Stevens UNP vol. 1 §8.9 (the
 * BSD rule this option departs from).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_ok(p, sock_sendto(p, client, "ping", closed));

	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
	expect_errqueue(p, errq_recv(p, client), errq_port_unreachable(p));
}

const struct rule rule = {
	.id = "udp.errors.recverr_unconnected_gets_errors",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) set, an unconnected UDP socket is told "
		    "about the ICMP port unreachable its sendto() caused: ECONNREFUSED and an "
		    "error queue entry.",
	.why = "__udp4_lib_err() (__udp6_lib_err()) only drops the error of an "
	       "unconnected socket when RECVERR is off; with it set, it queues the "
	       "error with ip_icmp_error() (ipv6_icmp_error()) and stores sk_err.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; __udp4_lib_err()", "ECONNREFUSED + queued error" },
		{ "POSIX", "no IP_RECVERR", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: never reported to an unconnected socket",
		  "not reported" },
	},
	.run = run,
};
