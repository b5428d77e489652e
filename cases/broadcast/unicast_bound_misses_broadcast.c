// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.unicast_bound_misses_broadcast
 *
 * A broadcast to a port goes to every socket on that port whose local
 * address is the wildcard or the broadcast address itself, and to none
 * bound to a unicast address: that socket only ever matches datagrams
 * addressed to its address.  Three server sockets share the port through
 * SO_REUSEADDR; a unicast sentinel sent after the broadcast shows that
 * the unicast-bound one was skipped.
 *
 * References: gVisor test/packetimpact/tests/udp_socket_send_recv_test.go
 * (Receive: wildcard- and broadcast-bound sockets get the subnet
 * broadcast, others do not); __udp4_lib_mcast_deliver() and
 * __udp_is_mcast_sock() in net/ipv4/udp.c ("inet->inet_rcv_saddr &&
 * inet->inet_rcv_saddr != loc_addr" is skipped); Stevens UNP vol. 1 §20.4.
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr subnet_broadcast = addr_broadcast(p, PORT_SERVER);
	struct sock *unicast = sock_open(p, HOST_SERVER, "unicast");
	struct sock *any = sock_open(p, HOST_SERVER, "any");
	struct sock *broadcast = sock_open(p, HOST_SERVER, "broadcast");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_set_int(p, unicast, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sockopt_set_int(p, any, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sockopt_set_int(p, broadcast, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sock_bind(p, unicast, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, any, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, broadcast, subnet_broadcast));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	must(p, sock_bind(p, client, from_client));

	must(p, sock_sendto(p, client, "to all", subnet_broadcast));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, broadcast), "to all", from_client);
	expect_datagram(p, sock_recv(p, any), "to all", from_client);
	expect_datagram(p, sock_recv(p, unicast), "sentinel", from_client);
	expect_errno(p, sock_recv_nowait(p, unicast), EAGAIN);
}

const struct rule rule = {
	.id = "udp.broadcast.unicast_bound_misses_broadcast",
	.sentence = "A broadcast to a UDP port reaches the sockets on it bound to the wildcard or "
		    "to the broadcast address, and not one bound to a unicast address.",
	.why = "__udp4_lib_mcast_deliver() delivers a copy to each socket on the port that "
	       "__udp_is_mcast_sock() accepts, and it rejects a socket whose bound address is "
	       "set and differs from the datagram's destination.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_is_mcast_sock() in net/ipv4/udp.c", "wildcard and broadcast-bound only" },
		{ "POSIX", "no statement on broadcast delivery", "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §20.4", "wildcard and broadcast-bound only" },
	},
	.run = run,
};
