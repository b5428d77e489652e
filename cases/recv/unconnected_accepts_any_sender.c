// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.unconnected_accepts_any_sender
 *
 * An unconnected UDP socket receives from anyone: datagrams from two
 * different hosts are both delivered, each with its sender's address
 * (and the family's full address length, 16 or 28), and the socket stays
 * without a peer.
 *
 * References: udp(7) "In order to receive packets, the socket can be
 * bound to a local address first ... all packets with a matching
 * destination are delivered"; POSIX recvfrom() "the source address of the
 * received message is stored"; Stevens UNP vol. 1 §8.1; compute_score() in
 * net/ipv4/udp.c (an unconnected socket scores on local address and port
 * only).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sock_sendto(p, client, "from the client", at_server));
	must(p, sock_sendto(p, stranger, "from the stranger", at_server));

	expect_datagram(p, sock_recv(p, server), "from the client", from_client);
	expect_datagram(p, sock_recv(p, server), "from the stranger", from_stranger);
	expect_errno(p, sock_getpeername(p, server), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.recv.unconnected_accepts_any_sender",
	.sentence = "An unconnected UDP socket receives datagrams from any sender, each with that "
		    "sender's address, and stays without a peer.",
	.why = "compute_score() (net/ipv4/udp.c, net/ipv6/udp.c) checks the remote address "
	       "and port only of a connected socket; udp_recvmsg() writes each "
	       "datagram's source into msg_name.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp(7); compute_score() in net/ipv4/udp.c",
		  "both datagrams, each with its source; ENOTCONN" },
		{ "POSIX", "recvfrom(): the source address is stored", "both, with their sources" },
		{ "BSD", "Stevens UNP vol. 1 §8.1", "both, with their sources" },
	},
	.run = run,
};
