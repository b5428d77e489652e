// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.connected_to_broadcast_misses_unicast_reply
 *
 * A socket connected to a broadcast address has that address as its peer,
 * and a connected socket takes only datagrams from its peer.  No host
 * sends from a broadcast address, so the unicast reply of whoever heard
 * the broadcast is not for this socket: it is dropped as if no socket
 * were there (Udp NoPorts counts it).  Programs that broadcast a query
 * and wait for a unicast answer must not connect().
 *
 * References: issue 13 ("whether a socket connected to a broadcast address
 * hears unicast replies"); compute_score() in net/ipv4/udp.c ("if
 * (inet->inet_daddr) { if (inet->inet_daddr != saddr) return -1; }");
 * Stevens UNP vol. 1 §8.11 (a connected UDP socket receives only from its
 * peer) and §20.
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr at_sentinel = addr_host(p, HOST_CLIENT, PORT_OTHER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, sentinel, at_sentinel));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, addr_broadcast(p, PORT_SERVER)));
	must(p, sock_send(p, client, "who is there"));
	expect_datagram(p, sock_recv(p, server), "who is there", at_client);

	long no_ports = mib_read(p, HOST_CLIENT, MIB_UDP_NO_PORTS);
	must(p, sock_sendto(p, server, "here", at_client));
	must(p, sock_sendto(p, server, "sentinel", at_sentinel));
	expect_datagram(p, sock_recv(p, sentinel), "sentinel", addr_host(p, HOST_SERVER, PORT_SERVER));
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_long(p, "datagrams the client host found no socket for", 1,
		    mib_read(p, HOST_CLIENT, MIB_UDP_NO_PORTS) - no_ports);
}

const struct rule rule = {
	.id = "udp.broadcast.connected_to_broadcast_misses_unicast_reply",
	.sentence = "A UDP socket connected to a broadcast address does not receive the unicast "
		    "reply of a host that heard its broadcast: the reply finds no socket.",
	.why = "compute_score() rejects a connected socket whose inet_daddr (here the broadcast "
	       "address) is not the datagram's source, so the reply matches no socket and "
	       "__udp4_lib_rcv() counts it in Udp NoPorts.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "compute_score() in net/ipv4/udp.c", "reply not received" },
		{ "POSIX", "connect(): datagrams from other addresses are discarded", "reply not received" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "reply not received" },
	},
	.run = run,
};
