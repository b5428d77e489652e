// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.zero_length_datagram_both_ways
 *
 * A UDP datagram may carry no data at all.  send() of zero bytes on a
 * connected socket returns 0 and sends a datagram (8 bytes of UDP header);
 * the receiver's recvfrom() returns 0 with the sender's address, which is
 * a datagram, not end of file.  The same holds the other way, sendto() of
 * zero bytes from the server to the client.  Each empty datagram is read
 * before the one that follows it, so none was lost or merged.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c and udpv6_sendmsg() in
 * net/ipv6/udp.c (no lower bound on len); udp_recvmsg() (a 0-length skb is
 * a datagram); POSIX recvfrom() "If ... the message is of zero length, 0
 * is returned" for message-based sockets; Stevens UNP vol. 1 §8.9; gVisor
 * test/syscalls/linux/udp_socket.cc ZerolengthWriteAllowed.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, at_server));

	expect_ok(p, sock_send(p, client, ""));
	expect_ok(p, sock_send(p, client, "after"));
	expect_datagram(p, sock_recv(p, server), "", at_client);
	expect_datagram(p, sock_recv(p, server), "after", at_client);

	expect_ok(p, sock_sendto(p, server, "", at_client));
	expect_ok(p, sock_sendto(p, server, "back", at_client));
	expect_datagram(p, sock_recv(p, client), "", at_server);
	expect_datagram(p, sock_recv(p, client), "back", at_server);
}

const struct rule rule = {
	.id = "udp.send.zero_length_datagram_both_ways",
	.sentence = "A zero-length UDP datagram is sent (send() and sendto() return 0) and "
		    "received as a datagram of its own (recvfrom() returns 0 with the sender's "
		    "address).",
	.why = "udp_sendmsg() (udpv6_sendmsg()) builds a datagram of only the UDP header for "
	       "len 0, and udp_recvmsg() dequeues it like any other, returning its 0 bytes "
	       "and its source.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg(), udp_recvmsg() in net/ipv4/udp.c", "0 sent, 0 received" },
		{ "POSIX", "recvfrom(): a zero-length message returns 0", "0 sent, 0 received" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: a datagram of 0 bytes is acceptable",
		  "0 sent, 0 received" },
	},
	.run = run,
};
