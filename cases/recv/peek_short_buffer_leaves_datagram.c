// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.peek_short_buffer_leaves_datagram
 *
 * MSG_PEEK with a buffer shorter than the datagram returns the head of the
 * datagram, with MSG_TRUNC in msg_flags, and leaves the datagram queued
 * whole: a second peek sees the same bytes and a plain receive then reads
 * the whole datagram.  LTP recvmsg02 checks this against the kernel bug
 * fixed by 197c949e7798 (CVE-2016-10229: the checksum of a truncated peek
 * was computed twice, and the datagram could be lost or corrupted).
 *
 * References: POSIX recv() "MSG_PEEK: Peeks at an incoming message. The
 * data is treated as unread"; Stevens UNP vol. 1 §14.7; udp_recvmsg() in
 * net/ipv4/udp.c (peeking: skb_consume_udp() leaves the skb queued);
 * commit 197c949e7798 "udp: properly support MSG_PEEK with truncated
 * buffers" (v4.5).
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
	must(p, sock_sendto(p, client, "peek at me", at_server));

	struct call first = sock_recvmsg_flags(p, server, 4, RECVFLAGS(MSG_PEEK));
	expect_datagram(p, first, "peek", at_client);
	expect_msg_flags(p, first, MSG_TRUNC);
	expect_datagram(p, sock_recvmsg_flags(p, server, 4, RECVFLAGS(MSG_PEEK)), "peek", at_client);
	expect_datagram(p, sock_recv(p, server), "peek at me", at_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.peek_short_buffer_leaves_datagram",
	.sentence = "MSG_PEEK with a buffer shorter than the datagram returns its head with "
		    "MSG_TRUNC and leaves the whole datagram queued for the next receive.",
	.why = "udp_recvmsg() copies the head and sets MSG_TRUNC; with MSG_PEEK, "
	       "__skb_recv_udp() leaves the skb on the reader queue and "
	       "skb_consume_udp() does not free it (fixed for short buffers by "
	       "197c949e7798).",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "recv(2) MSG_PEEK; udp_recvmsg() in net/ipv4/udp.c",
		  "\"peek\" MSG_TRUNC twice, then \"peek at me\"" },
		{ "POSIX", "recv(): MSG_PEEK, the data is treated as unread", "the datagram stays" },
		{ "BSD", "Stevens UNP vol. 1 §14.7", "the datagram stays" },
	},
	.tags = { { "linux-git", "197c949e7798", "udp: properly support MSG_PEEK with truncated buffers",
		    "v4.5" } },
	.run = run,
};
