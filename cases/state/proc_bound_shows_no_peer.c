// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.proc_bound_shows_no_peer
 *
 * A UDP socket that is bound but not connected appears in /proc/net/udp
 * (udp6) with its bound address, a remote address of all zeros with port
 * 0, and st 07, TCP_CLOSE: UDP has no listening state, an unconnected
 * socket is "closed" in the table.
 *
 * References: udp4_format_sock() in net/ipv4/udp.c,
 * __ip6_dgram_sock_seq_show() in net/ipv6/datagram.c; udp_init_sock()
 * (sk_state TCP_CLOSE from sock_init_data()); proc_net(5).
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
	expect_state_entry(p, procnet_udp_entry(p, client), at_client, addr_wildcard(p, 0), TCP_CLOSE);
}

const struct rule rule = {
	.id = "udp.state.proc_bound_shows_no_peer",
	.sentence = "/proc/net/udp (udp6) shows a bound, unconnected UDP socket with a zero remote "
		    "address and port and state 07 (CLOSE).",
	.why = "An unconnected socket has no inet_daddr/inet_dport (sk_v6_daddr) and stays in "
	       "TCP_CLOSE, the state sock_init_data() gives it; udp4_format_sock() prints both.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "proc_net(5); udp4_format_sock() in net/ipv4/udp.c", "zero remote, 07" },
		{ "POSIX", "no /proc", "not specified" },
		{ "BSD", "netstat -p udp: Foreign Address *.*", "zero remote" },
	},
	.run = run,
};
