// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.diag_bound_shows_no_peer
 *
 * sock_diag reports a bound UDP socket that is not connected with its bound
 * address as source, a destination of all zeros with port 0 and state
 * TCP_CLOSE, the state every unconnected UDP socket is in: ss(8) shows it
 * as UNCONN.
 *
 * References: sock_diag(7); inet_sk_diag_fill() in net/ipv4/inet_diag.c;
 * udp_diag_dump() in net/ipv4/udp_diag.c; sock_init_data() (TCP_CLOSE).
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/tcp.h>

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, at_client));

	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	expect_state_entry(p, diag_udp_entry(p, client), at_client, addr_wildcard(p, 0), TCP_CLOSE);
}

const struct rule rule = {
	.id = "udp.state.diag_bound_shows_no_peer",
	.sentence = "sock_diag reports a bound, unconnected UDP socket with a zero destination "
		    "address and port and state CLOSE.",
	.why = "An unconnected socket has no peer and stays in TCP_CLOSE; inet_sk_diag_fill() "
	       "reports both.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_diag(7); inet_sk_diag_fill() in net/ipv4/inet_diag.c",
		  "zero destination, CLOSE" },
		{ "POSIX", "no sock_diag", "not specified" },
		{ "BSD", "sockstat: foreign *:*", "zero destination" },
	},
	.run = run,
};
