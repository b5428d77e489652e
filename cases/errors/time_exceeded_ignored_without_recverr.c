// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.time_exceeded_ignored_without_recverr
 *
 * ICMP time exceeded is a soft error: a datagram sent with TTL 1 (hop
 * limit 1) dies at the router, which answers time exceeded, and a
 * connected UDP socket without IP_RECVERR is told nothing: no pending
 * error, nothing to receive.
 *
 * Proof that the ICMP arrived: a second socket then sends to a closed
 * port of the server through the same router; its ECONNREFUSED comes back
 * on the same path after the time exceeded, and the client counts one
 * time exceeded in.  The server never got the datagram.
 *
 * References: RFC 1122 §4.1.3.3 (time exceeded is to be passed to the
 * application ... UDP "MUST pass to the application layer all ICMP error
 * messages"), §3.2.2.4; gVisor packetimpact TestUDPICMPErrorPropagation
 * (TimeToLiveExpired); __udp4_lib_err() in net/ipv4/udp.c (case
 * ICMP_TIME_EXCEEDED: err = EHOSTUNREACH, harderr stays 0),
 * icmpv6_err_convert() in net/ipv6/icmp.c (ICMPV6_TIME_EXCEED: fatal 0);
 * ip_forward() in net/ipv4/ip_forward.c, ip6_forward() in
 * net/ipv6/ip6_output.c (the router's side).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");
	long exceeded = mib_read(p, HOST_CLIENT, MIB_ICMP_IN_TIME_EXCDS);

	must(p, sock_bind(p, server, at_server));
	must(p, sockopt_hops_set(p, client, 1));
	must(p, sock_connect(p, client, at_server));
	must(p, sock_send(p, client, "dies at the router"));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);
	expect_long(p, "ICMP time exceeded received by the client", 1,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_TIME_EXCDS) - exceeded);

	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.time_exceeded_ignored_without_recverr",
	.sentence = "An ICMP time exceeded from a router (TTL 1) is not reported to a connected "
		    "UDP socket that did not set IP_RECVERR.",
	.why = "__udp4_lib_err() maps ICMP_TIME_EXCEEDED to EHOSTUNREACH with harderr 0 "
	       "(__udp6_lib_err(): icmpv6_err_convert() says not fatal), and without "
	       "RECVERR a soft error is dropped.",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; __udp4_lib_err() in net/ipv4/udp.c",
		  "not reported" },
		{ "POSIX", "send()/recv(): no time exceeded case", "not specified" },
		{ "BSD", "FreeBSD udp_common_ctlinput(): PRC_TIMXCEED_INTRANS is not reported",
		  "not reported" },
	},
	.run = run,
};
