// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.diag_disconnected_shows_no_peer
 *
 * After a disconnect sock_diag reports a UDP socket as unconnected: a
 * destination of all zeros with port 0 and state TCP_CLOSE.
 *
 * AF_INET6 sockets do not get there: inet_sk_diag_fill() reports
 * sk_v6_daddr as the destination, and __udp_disconnect() never clears it,
 * so ss(8) still shows the old peer (with port 0) after the disconnect.
 *
 * References: __udp_disconnect() in net/ipv4/udp.c; inet_sk_diag_fill()
 * in net/ipv4/inet_diag.c; udp_diag_dump() in net/ipv4/udp_diag.c;
 * sock_diag(7).
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
	expect_state_entry(p, diag_udp_entry(p, client), at_client, addr_wildcard(p, 0), TCP_CLOSE);
}

const struct rule rule = {
	.id = "udp.state.diag_disconnected_shows_no_peer",
	.sentence = "sock_diag reports a disconnected UDP socket with a zero destination address "
		    "and port and state CLOSE.",
	.why = "__udp_disconnect() clears the peer and sets TCP_CLOSE; inet_sk_diag_fill() "
	       "reports those fields.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "zero destination, CLOSE" },
		{ "POSIX", "no sock_diag", "not specified" },
		{ "BSD", "sockstat after disconnect: foreign *:*", "zero destination" },
	},
	.known = {
		.families = FAM_IPV6 | FAM_MAPPED,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "__udp_disconnect() in net/ipv4/udp.c leaves sk_v6_daddr set, and "
			 "inet_sk_diag_fill() in net/ipv4/inet_diag.c reports it as idiag_dst",
	},
	.run = run,
};
