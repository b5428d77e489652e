// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.msg_more_joins_one_datagram
 *
 * send() with MSG_MORE holds its data back: the kernel appends it to a
 * pending datagram and sends nothing yet.  The next send() without the
 * flag adds its own data and sends the whole as one datagram.  The peer's
 * first datagram is "hello", so no datagram "hel" went out before it.
 *
 * References: udp(7) "MSG_MORE ... the data is accumulated and sent as a
 * single datagram when a call without this flag is performed" (Linux
 * 2.6); udp_sendmsg() in net/ipv4/udp.c (corkreq = ... || MSG_MORE;
 * ip_append_data(), then udp_push_pending_frames()), udpv6_sendmsg() in
 * net/ipv6/udp.c; send(2) MSG_MORE.
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
	expect_ok(p, sock_send_flags(p, client, "hel", SENDFLAG(MSG_MORE)));
	expect_ok(p, sock_send(p, client, "lo"));
	expect_datagram(p, sock_recv(p, server), "hello", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.msg_more_joins_one_datagram",
	.sentence = "send() with MSG_MORE on a UDP socket sends nothing yet, and the next send() "
		    "without it sends both parts as one datagram.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) treats MSG_MORE as a cork request: the data is "
	       "appended with ip_append_data() to the socket's pending frames, and the first "
	       "call without the flag appends its own and calls udp_push_pending_frames().",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) MSG_MORE; udp_sendmsg() in net/ipv4/udp.c", "one datagram" },
		{ "POSIX", "no MSG_MORE", "not specified" },
		{ "BSD", "no MSG_MORE for UDP", "not specified" },
	},
	.run = run,
};
