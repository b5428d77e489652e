// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.connected_destinationless_calls_reach_peer
 *
 * Once a UDP socket is connected, every way of sending that names no
 * destination sends to the peer: write(), send(), sendto() with a NULL
 * address and length 0, and sendmsg() with no msg_name.  The peer receives
 * each, from the client's address, in the order they were sent.
 *
 * References: connect(2) "the address to which datagrams are sent by
 * default"; udp(7); udp_sendmsg() in net/ipv4/udp.c and udpv6_sendmsg() in
 * net/ipv6/udp.c; __sys_sendto() and ____sys_sendmsg() in net/socket.c;
 * POSIX send(), sendto(), sendmsg(); Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));

	expect_ok(p, sock_send_write(p, client, "by write"));
	expect_ok(p, sock_send(p, client, "by send"));
	expect_ok(p, sock_sendto_null(p, client, "by sendto"));
	expect_ok(p, sock_sendmsg_noname(p, client, "by sendmsg"));

	expect_datagram(p, sock_recv(p, server), "by write", from_client);
	expect_datagram(p, sock_recv(p, server), "by send", from_client);
	expect_datagram(p, sock_recv(p, server), "by sendto", from_client);
	expect_datagram(p, sock_recv(p, server), "by sendmsg", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.connected_destinationless_calls_reach_peer",
	.sentence = "On a connected UDP socket write(), send(), sendto() with no address and "
		    "sendmsg() with no name all send to the peer.",
	.why = "__sys_sendto() and ____sys_sendmsg() pass no msg_name when the caller gave "
	       "none; udp_sendmsg() (udpv6_sendmsg() for IPv6) then takes the destination "
	       "from the socket (inet_daddr/inet_dport, sk_v6_daddr) because it is in "
	       "TCP_ESTABLISHED.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "connect(2); udp_sendmsg() in net/ipv4/udp.c", "all four reach the peer" },
		{ "POSIX", "connect(): the peer is where datagrams are sent on subsequent send()",
		  "all four reach the peer" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "all four reach the peer" },
	},
	.run = run,
};
