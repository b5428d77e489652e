// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.peek_trunc_reports_length
 *
 * The Linux idiom for sizing a buffer before reading: recvmsg() with
 * MSG_PEEK|MSG_TRUNC and a buffer too small (one byte here; programs often
 * pass none) returns the length of the datagram at the head of the queue,
 * copies what fits, says MSG_TRUNC, and leaves the datagram queued for the
 * real read.
 *
 * References: recv(2) MSG_TRUNC ("return the real length of the packet or
 * datagram, even when it was longer than the passed buffer") and MSG_PEEK;
 * bun PR #28827 (flags.truncated), iproute2's netlink reads use the same
 * idiom; udp_recvmsg() in net/ipv4/udp.c ("if (flags & MSG_TRUNC) err =
 * ulen"), udpv6_recvmsg() in net/ipv6/udp.c.
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
	must(p, sock_sendto(p, client, "how long am I?", at_server));

	struct call size = sock_recvmsg_flags(p, server, 1, RECVFLAGS(MSG_PEEK | MSG_TRUNC));
	expect_ret(p, size, 14);
	expect_datagram(p, size, "h", at_client);
	expect_msg_flags(p, size, MSG_TRUNC);
	expect_datagram(p, sock_recv(p, server), "how long am I?", at_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.peek_trunc_reports_length",
	.sentence = "recvmsg(MSG_PEEK|MSG_TRUNC) with a one-byte buffer on a UDP socket returns the "
		    "queued datagram's full length and leaves it queued.",
	.why = "udp_recvmsg() returns ulen for MSG_TRUNC whatever it copied, sets MSG_TRUNC "
	       "since the datagram did not fit, and with MSG_PEEK the skb stays queued.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "recv(2) MSG_TRUNC, MSG_PEEK; udp_recvmsg()",
		  "14, \"h\", MSG_TRUNC, then the whole datagram" },
		{ "POSIX", "recv(): MSG_TRUNC is not an input flag", "not specified" },
		{ "BSD", "FreeBSD: MSG_TRUNC as input is ignored for UDP", "1" },
	},
	.run = run,
};
