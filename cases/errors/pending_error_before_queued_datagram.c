// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.pending_error_before_queued_datagram
 *
 * A pending error jumps the queue: when an ICMP port unreachable arrives
 * on a connected socket that already holds a datagram from its peer, the
 * next recv() fails with ECONNREFUSED, and only the one after it returns
 * the datagram, which was queued first.
 *
 * The peer's socket sends, then closes; the client's datagram to it draws
 * the port unreachable.  Ordering proves the ICMP has arrived: a second
 * client socket sends to a closed port of the server afterwards, and its
 * own ECONNREFUSED comes back over the same path.
 *
 * References: udp(7) "ERROR HANDLING"; __skb_recv_udp() in net/ipv4/udp.c
 * checks sock_error() before it looks at the queue; Stevens UNP vol. 1
 * §8.9.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, at_server));
	must(p, sock_sendto(p, server, "queued first", at_client));
	must(p, sock_recv_peek(p, client));
	must(p, sock_close(p, server));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);

	expect_errno(p, sock_recv_nowait(p, client), ECONNREFUSED);
	expect_datagram(p, sock_recv_nowait(p, client), "queued first", at_server);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.pending_error_before_queued_datagram",
	.sentence = "An ICMP error that arrives after a datagram was queued on a connected UDP "
		    "socket is reported first: recv() fails with ECONNREFUSED, then returns the "
		    "datagram.",
	.why = "__skb_recv_udp() takes sock_error() before it dequeues anything, so a "
	       "pending sk_err wins over a queued skb whatever their order of arrival.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_recv_udp() in net/ipv4/udp.c",
		  "ECONNREFUSED, then \"queued first\"" },
		{ "POSIX", "recv(): [ECONNREFUSED]; the order is not specified", "not specified" },
		{ "BSD", "FreeBSD soreceive_generic(): so_error only when nothing is queued",
		  "the datagram, then ECONNREFUSED" },
	},
	.run = run,
};
