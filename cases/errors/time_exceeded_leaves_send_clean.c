// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.time_exceeded_leaves_send_clean
 *
 * A time exceeded leaves nothing behind for the sender either: after the
 * datagram sent with TTL 1 (hop limit 1) died at the router and its ICMP
 * time exceeded has arrived, the connected socket's next send(), with the
 * hop limit back at 64, succeeds and reaches the server.  (Contrast a
 * port unreachable, whose ECONNREFUSED the next send() would take.)
 *
 * Proof that the ICMP arrived before that send: a second socket sends to
 * a closed port of the server through the same router, and its own
 * ECONNREFUSED comes back on the same path after the time exceeded.
 *
 * References: gVisor packetimpact TestUDPICMPErrorPropagation
 * (TimeToLiveExpired: the following send succeeds); RFC 1122 §4.1.3.3;
 * __udp4_lib_err() in net/ipv4/udp.c (ICMP_TIME_EXCEEDED: harderr 0, no
 * sk_err without RECVERR), __udp6_lib_err() in net/ipv6/udp.c;
 * sock_alloc_send_pskb() in net/core/sock.c (sock_error() is 0).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sockopt_hops_set(p, client, 1));
	must(p, sock_connect(p, client, at_server));
	must(p, sock_send(p, client, "dies at the router"));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);

	must(p, sockopt_hops_set(p, client, 64));
	expect_ok(p, sock_send(p, client, "after"));
	expect_datagram(p, sock_recv(p, server), "after", addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.errors.time_exceeded_leaves_send_clean",
	.sentence = "After an ICMP time exceeded (TTL 1) arrived, the next send() on a connected "
		    "UDP socket without IP_RECVERR succeeds and reaches the peer.",
	.why = "A time exceeded is a soft error: __udp4_lib_err() (__udp6_lib_err()) stores "
	       "nothing in sk_err without RECVERR, so sock_alloc_send_pskb() finds no error "
	       "to return.",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "__udp4_lib_err() in net/ipv4/udp.c", "send ok, \"after\" arrives" },
		{ "POSIX", "send(): no time exceeded case", "not specified" },
		{ "BSD", "FreeBSD: PRC_TIMXCEED_INTRANS is not reported", "send ok" },
	},
	.run = run,
};
