// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.msg_more_every_form
 *
 * MSG_MORE works with a destination too: on an unconnected UDP socket,
 * sendto("hel", MSG_MORE) then sendto("lo") to the same address send the
 * one datagram "hello", and sendmsg() with a name does the same for "wor"
 * and "ld".  The server's first datagram is "hello", so no "hel" went
 * out before it, and the second is "world".
 *
 * References: udp(7) MSG_MORE; udp_sendmsg() in net/ipv4/udp.c (the first
 * corked call fixes the destination in inet->cork.fl; later ones append,
 * "if (up->pending) ... goto do_append_data"), udpv6_sendmsg() in
 * net/ipv6/udp.c; LTP send02 "UDP sendto", "UDP sendmsg".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_ok(p, sock_sendto_flags(p, client, "hel", SENDFLAG(MSG_MORE), at_server));
	expect_ok(p, sock_sendto(p, client, "lo", at_server));
	expect_ok(p, sock_sendmsg_flags(p, client, "wor", SENDFLAG(MSG_MORE), at_server));
	expect_ok(p, sock_sendmsg_flags(p, client, "ld", 0, "0", at_server));
	expect_datagram(p, sock_recv(p, server), "hello", from_client);
	expect_datagram(p, sock_recv(p, server), "world", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.msg_more_every_form",
	.sentence = "sendto() and sendmsg() with MSG_MORE on an unconnected UDP socket hold the "
		    "data, and the next call to the same address sends both parts as one "
		    "datagram.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) corks on MSG_MORE with the destination of that "
	       "call and appends the following calls' data to the pending frames until one "
	       "without MSG_MORE pushes them out.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) MSG_MORE; udp_sendmsg() in net/ipv4/udp.c", "one datagram each" },
		{ "POSIX", "no MSG_MORE", "not specified" },
		{ "BSD", "no MSG_MORE for UDP", "not specified" },
	},
	.run = run,
};
