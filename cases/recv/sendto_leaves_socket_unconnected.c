// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.sendto_leaves_socket_unconnected
 *
 * sendto() names a destination for one datagram only: the server's reply
 * to the client does not connect the server's socket.  getpeername()
 * still fails with ENOTCONN, and a datagram from a third host is still
 * received.
 *
 * References: POSIX sendto() "If the socket is connectionless-mode, the
 * message shall be sent to the address specified by dest_addr" (nothing
 * kept); Stevens UNP vol. 1 §8.11 (an unconnected UDP socket: each sendto
 * is a temporary connect); udp_sendmsg() in net/ipv4/udp.c routes with
 * the address given and leaves inet_daddr alone.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sock_sendto(p, server, "to the client", at_client));
	must(p, sock_recv(p, client));

	expect_errno(p, sock_getpeername(p, server), ENOTCONN);
	must(p, sock_sendto(p, stranger, "from the stranger", at_server));
	expect_datagram(p, sock_recv(p, server), "from the stranger", from_stranger);
}

const struct rule rule = {
	.id = "udp.recv.sendto_leaves_socket_unconnected",
	.sentence = "sendto() on an unconnected UDP socket does not connect it: getpeername() "
		    "still fails with ENOTCONN and other senders are still received.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) routes the datagram to the address given "
	       "and never sets inet_daddr/inet_dport, which only connect() writes.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "ENOTCONN; the stranger's datagram" },
		{ "POSIX", "sendto(): the message is sent to dest_addr", "not connected" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "not connected" },
	},
	.run = run,
};
