// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.proc_disconnected_shows_no_peer
 *
 * After a disconnect a UDP socket is an unconnected socket again, and
 * /proc/net/udp (udp6) says so: rem_address all zeros with port 0, st 07
 * (TCP_CLOSE), the line of a socket that never connected.
 *
 * AF_INET6 sockets do not get there: __udp_disconnect() clears inet_daddr
 * and inet_dport and sets TCP_CLOSE, but never sk_v6_daddr, which
 * __ip6_dgram_sock_seq_show() prints as rem_address, so /proc/net/udp6
 * still names the old peer (with port 0).  That stale address is the one
 * the IPv6 receive path keeps filtering on (udp.disconnect.af_unspec_disconnects);
 * for a mapped peer it is only cosmetic, since IPv4 delivery reads
 * inet_daddr.
 *
 * References: __udp_disconnect() in net/ipv4/udp.c; udp4_format_sock() in
 * net/ipv4/udp.c, __ip6_dgram_sock_seq_show() in net/ipv6/datagram.c.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/tcp.h>

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_disconnect(p, client));

	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	expect_state_entry(p, procnet_udp_entry(p, client), at_client, addr_wildcard(p, 0), TCP_CLOSE);
}

const struct rule rule = {
	.id = "udp.state.proc_disconnected_shows_no_peer",
	.sentence = "/proc/net/udp (udp6) shows a disconnected UDP socket with a zero remote "
		    "address and port and state 07 (CLOSE).",
	.why = "__udp_disconnect() clears the peer and sets TCP_CLOSE, and the /proc line is "
	       "printed from those fields.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "zero remote, 07" },
		{ "POSIX", "no /proc", "not specified" },
		{ "BSD", "netstat -p udp after disconnect: Foreign Address *.*", "zero remote" },
	},
	.known = {
		.families = FAM_IPV6 | FAM_MAPPED,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "__udp_disconnect() in net/ipv4/udp.c leaves sk_v6_daddr set, and "
			 "__ip6_dgram_sock_seq_show() in net/ipv6/datagram.c prints it as rem_address",
	},
	.run = run,
};
