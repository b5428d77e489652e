// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.v6only_wildcard_misses_ipv4
 *
 * An AF_INET6 socket bound to [::] hears IPv4 datagrams to its port as
 * well, as ::ffff:a.b.c.d, unless it is IPV6_V6ONLY: then an IPv4 datagram
 * to the port finds no socket at all.  The server counts it as a datagram
 * for a port nobody listens on (Udp NoPorts), and the socket's queue stays
 * empty.
 *
 * Proof of absence by counter: the server's NoPorts goes up by exactly one
 * for the one datagram sent, which is processed before sendto() returns on
 * the probe's one CPU.
 *
 * References: ipv6(7) IPV6_V6ONLY; RFC 3493 §5.3; compute_score() in
 * net/ipv4/udp.c ("if (... ipv6_only_sock(sk)) return -1;"),
 * __udp4_lib_rcv() counting UDP_MIB_NOPORTS when no socket matched.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sockopt_set_int(p, server, SOCKOPT(IPPROTO_IPV6, IPV6_V6ONLY), 1));
	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_sendto(p, stranger, "IPv4", addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_long(p, "IPv4 datagrams the server found no socket for", 1,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.dualstack.v6only_wildcard_misses_ipv4",
	.sentence = "An AF_INET6 UDP socket bound to [::] with IPV6_V6ONLY receives no IPv4 "
		    "datagram: one sent to its port finds no socket.",
	.why = "The IPv4 receive lookup (compute_score() in net/ipv4/udp.c) skips IPv6-only "
	       "sockets, so __udp4_lib_rcv() finds none and counts UDP_MIB_NOPORTS.",
	.families = FAM_MAPPED,
	.skip_why = "IPV6_V6ONLY is about the IPv4 datagrams an AF_INET6 socket would otherwise "
		    "receive; only the mapped family sends them.",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ipv6(7); compute_score() in net/ipv4/udp.c", "no socket, NoPorts +1" },
		{ "POSIX", "IPV6_V6ONLY: the socket can be used for IPv6 communication only",
		  "not delivered" },
		{ "BSD", "FreeBSD in_pcblookup(): IN6P_IPV6_V6ONLY PCBs skipped for IPv4",
		  "not delivered" },
	},
	.run = run,
};
