// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.waitall_returns_one_datagram
 *
 * MSG_WAITALL asks a stream socket to wait until the whole buffer is
 * filled; on a UDP socket it does not make a receive wait for more
 * datagrams: recvmsg(MSG_WAITALL) with 512 bytes of room returns the one
 * short datagram queued, no MSG_TRUNC, and the datagram queued behind it
 * stays for the next receive.
 *
 * References: POSIX recv() "MSG_WAITALL: On SOCK_STREAM sockets this
 * requests that the function block until the full amount of data can be
 * returned" (datagrams: one message per call); packetdrill
 * gtests/net/udp/blocking-write.pkt; udp_recvmsg() in net/ipv4/udp.c
 * ignores MSG_WAITALL.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_sendto(p, client, "short", at_server));
	must(p, sock_sendto(p, client, "behind", at_server));

	struct call one = sock_recvmsg_flags(p, server, CALL_DATA_MAX, RECVFLAGS(MSG_WAITALL));
	expect_datagram(p, one, "short", at_client);
	expect_msg_flags(p, one, 0);
	expect_datagram(p, sock_recv(p, server), "behind", at_client);
}

const struct rule rule = {
	.id = "udp.recv.waitall_returns_one_datagram",
	.sentence = "recvmsg(MSG_WAITALL) on a UDP socket returns the one datagram queued, "
		    "however short, and does not wait to fill the buffer.",
	.why = "MSG_WAITALL is read by the stream protocols (tcp_recvmsg()); "
	       "udp_recvmsg() returns after one skb whatever the flags.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_recvmsg() in net/ipv4/udp.c", "\"short\", msg_flags 0" },
		{ "POSIX", "recv(): MSG_WAITALL is for SOCK_STREAM; one message per call",
		  "one datagram" },
		{ "BSD", "FreeBSD soreceive_dgram(): one record", "one datagram" },
	},
	.run = run,
};
