// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.diag_connected_shows_peer
 *
 * sock_diag (NETLINK_SOCK_DIAG, what ss(8) reads) reports a connected UDP
 * socket with its bound address as source, its peer as destination and
 * state TCP_ESTABLISHED, the same addresses getsockname() and
 * getpeername() return.
 *
 * References: sock_diag(7) (inet_diag_msg); udp_diag_dump() in
 * net/ipv4/udp_diag.c and inet_sk_diag_fill() in net/ipv4/inet_diag.c
 * (idiag_src/idiag_dst from inet_rcv_saddr/inet_daddr, sk_v6_rcv_saddr /
 * sk_v6_daddr for AF_INET6; idiag_state from sk_state).
 */
#include "udpc.h"

#include <netinet/tcp.h>

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, at_server));

	expect_addr(p, sock_getsockname(p, client), at_client);
	expect_addr(p, sock_getpeername(p, client), at_server);
	expect_state_entry(p, diag_udp_entry(p, client), at_client, at_server, TCP_ESTABLISHED);
}

const struct rule rule = {
	.id = "udp.state.diag_connected_shows_peer",
	.sentence = "sock_diag reports a connected UDP socket with its bound address, its peer as "
		    "destination and state ESTABLISHED.",
	.why = "inet_sk_diag_fill() copies the socket's local and remote address and sk_state, "
	       "which connect() set to TCP_ESTABLISHED, into the inet_diag_msg.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_diag(7); inet_sk_diag_fill() in net/ipv4/inet_diag.c",
		  "local, peer, ESTABLISHED" },
		{ "POSIX", "no sock_diag", "not specified" },
		{ "BSD", "sockstat/netstat (sysctl net.inet.udp.pcblist)", "local, peer" },
	},
	.run = run,
};
