// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_rdwr_poll_reports_hup
 *
 * A UDP socket shut down in both directions is hung up: poll() reports
 * POLLHUP (whether asked for or not) beside POLLIN|POLLRDHUP, and POLLOUT
 * stays set, since UDP's writability only looks at buffer space (a send
 * would fail at once with EPIPE, so it does not block either).
 *
 * References: poll(2) POLLHUP; datagram_poll() in net/core/datagram.c ("if
 * (shutdown == SHUTDOWN_MASK) mask |= EPOLLHUP;", writable from
 * sock_writeable()); udp_poll() in net/ipv4/udp.c.
 */
#define _GNU_SOURCE /* POLLRDHUP */
#include "udpc.h"

#include <poll.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_shutdown(p, client, SHUT_RDWR));
	expect_revents(p, sock_poll(p, client, POLLIN | POLLOUT | POLLRDHUP),
		       POLLIN | POLLOUT | POLLRDHUP | POLLHUP);
}

const struct rule rule = {
	.id = "udp.shutdown.shut_rdwr_poll_reports_hup",
	.sentence = "After shutdown(SHUT_RDWR), poll() on a connected UDP socket reports "
		    "POLLIN|POLLOUT|POLLRDHUP|POLLHUP.",
	.why = "datagram_poll() adds EPOLLHUP when sk_shutdown is SHUTDOWN_MASK, EPOLLRDHUP and "
	       "EPOLLIN for the read side, and EPOLLOUT from the free send buffer alone.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "datagram_poll() in net/core/datagram.c", "POLLIN|POLLOUT|POLLRDHUP|POLLHUP" },
		{ "POSIX", "poll(): POLLHUP when the device or socket is disconnected", "POLLHUP" },
		{ "BSD", "FreeBSD sopoll_generic(): POLLHUP for a socket that cannot send or receive",
		  "POLLHUP" },
	},
	.run = run,
};
