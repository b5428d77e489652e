// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.writev_iovecs_form_one_datagram
 *
 * writev() on a connected UDP socket gathers all its iovecs into one
 * datagram: three parts "ga", "th", "er" arrive as the one datagram
 * "gather", and writev() returns the total length.  Datagram boundaries
 * are set by calls, not by buffers.
 *
 * References: writev(2); sock_write_iter() in net/socket.c (the iovecs
 * become one msghdr for sock_sendmsg()); udp_sendmsg() in net/ipv4/udp.c
 * (one datagram per call); POSIX writev() "shall gather output data from
 * the iovcnt buffers"; Stevens UNP vol. 1 §14.4.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	static const char *const parts[] = { "ga", "th", "er", NULL };
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_send_writev(p, client, parts));
	expect_datagram(p, sock_recv(p, server), "gather", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.writev_iovecs_form_one_datagram",
	.sentence = "writev() with several iovecs on a connected UDP socket sends them as one "
		    "datagram to the peer.",
	.why = "sock_write_iter() passes the iovecs as one msghdr to udp_sendmsg() "
	       "(udpv6_sendmsg()), which copies them all into a single datagram addressed "
	       "to the stored peer.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_write_iter() in net/socket.c; udp_sendmsg()", "one datagram" },
		{ "POSIX", "writev(): gathers the buffers into one output", "one datagram" },
		{ "BSD", "Stevens UNP vol. 1 §14.4: one UDP datagram per writev()", "one datagram" },
	},
	.run = run,
};
