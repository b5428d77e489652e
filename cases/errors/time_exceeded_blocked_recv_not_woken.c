// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.time_exceeded_blocked_recv_not_woken
 *
 * A recv() blocked on a connected UDP socket is not woken by a time
 * exceeded: the datagram sent with TTL 1 (hop limit 1) dies at the
 * router, its ICMP arrives, and the recv() sleeps on until the server's
 * datagram comes, which it returns.
 *
 * Proof that the ICMP arrived first: a second socket sends to a closed
 * port of the server through the same router; its own ECONNREFUSED comes
 * back on the same path, and the client counts one time exceeded in.
 * Only then does the server send.
 *
 * References: gVisor packetimpact TestICMPErrorDuringUDPRecv
 * (TimeToLiveExpired); RFC 1122 §4.1.3.3; __udp4_lib_err() in
 * net/ipv4/udp.c (soft error, no RECVERR: no sk_err, no
 * sk_error_report()), __udp6_lib_err() in net/ipv6/udp.c.
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
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sockopt_hops_set(p, client, 1));
	must(p, sock_connect(p, client, at_server));
	struct blocked_recv *b = blocked_recv_start(p, client);
	must(p, sock_send(p, client, "dies at the router"));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);
	expect_long(p, "ICMP time exceeded received by the client", 1,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_TIME_EXCDS) - exceeded);

	must(p, sock_sendto(p, server, "reply", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, blocked_recv_finish(p, b), "reply", at_server);
}

const struct rule rule = {
	.id = "udp.errors.time_exceeded_blocked_recv_not_woken",
	.sentence = "A recv() blocked on a connected UDP socket without IP_RECVERR is not woken by "
		    "an ICMP time exceeded, and returns the peer's next datagram.",
	.why = "For a soft error without RECVERR __udp4_lib_err() (__udp6_lib_err()) "
	       "returns before sk_err is set and sk_error_report() is called, so nothing "
	       "wakes __skb_wait_for_more_packets().",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "__udp4_lib_err() in net/ipv4/udp.c", "not woken; returns \"reply\"" },
		{ "POSIX", "not specified", "not specified" },
		{ "BSD", "FreeBSD: PRC_TIMXCEED_INTRANS is not reported", "not woken" },
	},
	.run = run,
};
