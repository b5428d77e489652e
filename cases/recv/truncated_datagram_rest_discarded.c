// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.truncated_datagram_rest_discarded
 *
 * A datagram is read whole or not at all: a receive with a buffer shorter
 * than the datagram copies what fits, says so with MSG_TRUNC in msg_flags,
 * and throws the rest away.  The next receive returns the next datagram,
 * not the tail of this one.
 *
 * References: POSIX recvmsg() "MSG_TRUNC: Normal data was truncated" and
 * recv() "For message-based sockets ... excess bytes shall be discarded";
 * udp(7) "If the buffer is too small, the datagram is truncated"; Stevens
 * UNP vol. 1 §8.10, §14.3; udp_recvmsg() in net/ipv4/udp.c (copied < ulen
 * sets MSG_TRUNC, skb_consume_udp() frees the whole skb), udpv6_recvmsg()
 * in net/ipv6/udp.c.
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
	must(p, sock_sendto(p, client, "longer than four", at_server));
	must(p, sock_sendto(p, client, "next", at_server));

	struct call cut = sock_recvmsg_flags(p, server, 4, RECVFLAGS(0));
	expect_datagram(p, cut, "long", at_client);
	expect_msg_flags(p, cut, MSG_TRUNC);
	expect_datagram(p, sock_recv(p, server), "next", at_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.truncated_datagram_rest_discarded",
	.sentence = "A UDP receive with a buffer shorter than the datagram returns what fits with "
		    "MSG_TRUNC in msg_flags, and the rest of that datagram is discarded.",
	.why = "udp_recvmsg() (udpv6_recvmsg()) copies min(len, datagram length), sets "
	       "MSG_TRUNC when the datagram was longer, and skb_consume_udp() frees the "
	       "whole skb: nothing of it stays queued.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7); udp_recvmsg() in net/ipv4/udp.c", "\"long\", MSG_TRUNC, then \"next\"" },
		{ "POSIX", "recvmsg(): MSG_TRUNC; recv(): excess bytes shall be discarded",
		  "truncated, MSG_TRUNC, rest discarded" },
		{ "BSD", "Stevens UNP vol. 1 §14.3", "truncated, MSG_TRUNC, rest discarded" },
	},
	.run = run,
};
