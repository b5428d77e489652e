// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.stale_error_before_later_reply
 *
 * A pending error is not dropped when the peer comes alive: the client's
 * first datagram drew a port unreachable, then the server opened that
 * port and replied.  The client's recv() still fails with the stale
 * ECONNREFUSED, and only the next one returns the reply that is already
 * queued.  An application that retries on ECONNREFUSED finds the reply
 * waiting.
 *
 * Ordering: the server sends a sentinel to a second client socket after
 * its reply; once that has arrived, so has the reply (FIONREAD shows it
 * without taking the error).
 *
 * References: udp(7) "ERROR HANDLING"; __skb_recv_udp() in net/ipv4/udp.c
 * (sock_error() first); udp_ioctl() SIOCINQ does not look at sk_err;
 * Stevens UNP vol. 1 §8.9.
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>

static void run(struct probe *p)
{
	struct addr late_port = addr_host(p, HOST_SERVER, PORT_OTHER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sock_bind(p, client, at_client));
	must(p, sock_bind(p, sentinel, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_connect(p, client, late_port));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, POLLIN));

	struct sock *server = sock_open(p, HOST_SERVER, "server");
	must(p, sock_bind(p, server, late_port));
	must(p, sock_sendto(p, server, "late reply", at_client));
	must(p, sock_sendto(p, server, "sentinel", addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_recv(p, sentinel));
	expect_value(p, sock_ioctl_int(p, client, IOCTL(FIONREAD)), 10);

	expect_errno(p, sock_recv_nowait(p, client), ECONNREFUSED);
	expect_datagram(p, sock_recv_nowait(p, client), "late reply", late_port);
}

const struct rule rule = {
	.id = "udp.errors.stale_error_before_later_reply",
	.sentence = "A connected UDP socket reports an ICMP error it got before the peer's reply "
		    "arrived: recv() fails with ECONNREFUSED first, then returns the reply.",
	.why = "sk_err stays set until a call takes it; __skb_recv_udp() takes "
	       "sock_error() before it dequeues, however long the reply has waited.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_recv_udp() in net/ipv4/udp.c", "ECONNREFUSED, then \"late reply\"" },
		{ "POSIX", "recv(): [ECONNREFUSED]", "not specified" },
		{ "BSD", "FreeBSD soreceive_generic(): so_error only when nothing is queued",
		  "the reply, then ECONNREFUSED" },
	},
	.run = run,
};
