// SPDX-License-Identifier: GPL-2.0-only
/* udp.state.proc_connected_shows_peer
 *
 * /proc/net/udp (udp6 for AF_INET6 sockets) lists every UDP socket of the
 * namespace.  A connected socket's line carries its peer: the local
 * address is the bound one, rem_address is the peer's address and port, and
 * st is 01, TCP_ESTABLISHED, the state connect() gives a UDP socket.  The
 * same addresses getsockname() and getpeername() return.
 *
 * References: udp4_format_sock() in net/ipv4/udp.c and
 * __ip6_dgram_sock_seq_show() in net/ipv6/datagram.c (inet_daddr /
 * sk_v6_daddr as rem_address, sk_state as st); ip4_datagram_connect() in
 * net/ipv4/datagram.c sets TCP_ESTABLISHED; proc_net(5) /proc/net/udp.
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
	expect_state_entry(p, procnet_udp_entry(p, client), at_client, at_server, TCP_ESTABLISHED);
}

const struct rule rule = {
	.id = "udp.state.proc_connected_shows_peer",
	.sentence = "/proc/net/udp (udp6) shows a connected UDP socket with its bound address, its "
		    "peer as remote address and state 01 (ESTABLISHED).",
	.why = "udp4_format_sock() (__ip6_dgram_sock_seq_show() for AF_INET6) prints "
	       "inet_rcv_saddr, the peer connect() stored and sk_state, which connect() set to "
	       "TCP_ESTABLISHED.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "proc_net(5); udp4_format_sock() in net/ipv4/udp.c",
		  "local, peer, 01" },
		{ "POSIX", "no /proc", "not specified" },
		{ "BSD", "netstat -p udp: Foreign Address is the peer", "local, peer" },
	},
	.run = run,
};
