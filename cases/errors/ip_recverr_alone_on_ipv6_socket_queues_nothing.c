// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.ip_recverr_alone_on_ipv6_socket_queues_nothing
 *
 * On an AF_INET6 socket talking native IPv6, IP_RECVERR is accepted but
 * does nothing for ICMPv6: the port unreachable still becomes
 * ECONNREFUSED on the connected socket (as without any option), and the
 * error queue stays empty.  Only IPV6_RECVERR queues ICMPv6 errors.  The
 * mapped family is the reverse case (mapped_needs_ip_recverr).
 *
 * References: gVisor udp_socket.cc RecvErrorConnRefusedOtherAFSockOpt;
 * ipv6_setsockopt() in net/ipv6/ipv6_sockglue.c hands SOL_IP to
 * udp_prot.setsockopt (ip_setsockopt() sets inet RECVERR);
 * __udp6_lib_err() in net/ipv6/udp.c asks only RECVERR6 before
 * ipv6_icmp_error().
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sockopt_set_int(p, client, SOCKOPT(SOL_IP, IP_RECVERR), 1));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, POLLIN));

	expect_errno(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, EAGAIN);
	expect_errno(p, sock_recv_nowait(p, client), ECONNREFUSED);
}

const struct rule rule = {
	.id = "udp.errors.ip_recverr_alone_on_ipv6_socket_queues_nothing",
	.sentence = "An AF_INET6 UDP socket with a native IPv6 peer accepts IP_RECVERR, but its "
		    "ICMPv6 port unreachable is only reported as ECONNREFUSED, never queued.",
	.why = "ipv6_setsockopt() passes SOL_IP options to ip_setsockopt(), which sets the "
	       "IPv4 RECVERR bit; __udp6_lib_err() queues with ipv6_icmp_error() only when "
	       "RECVERR6 is set, and stores the hard error of a connected socket anyway.",
	.families = FAM_IPV6,
	.skip_why = "native IPv6 only: IPv4 has no other option, mapped is "
		    "udp.errors.mapped_needs_ip_recverr",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp6_lib_err() in net/ipv6/udp.c", "queue empty (EAGAIN); ECONNREFUSED" },
		{ "POSIX", "no IP_RECVERR", "not specified" },
		{ "BSD", "no IP_RECVERR", "not available" },
	},
	.run = run,
};
