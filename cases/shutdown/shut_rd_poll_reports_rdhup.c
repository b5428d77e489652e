// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_rd_poll_reports_rdhup
 *
 * poll() tells a program that a UDP socket was shut down for reading: with
 * nothing queued, poll() for POLLIN|POLLRDHUP returns at once with both
 * set, since a read would return at once (with 0, end of file).  The socket
 * is not hung up (no POLLHUP) while it may still send.
 *
 * References: poll(2) POLLRDHUP; datagram_poll() in net/core/datagram.c ("if
 * (shutdown & RCV_SHUTDOWN) mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;",
 * EPOLLHUP only for SHUTDOWN_MASK), used by udp_poll() in net/ipv4/udp.c.
 */
#define _GNU_SOURCE /* POLLRDHUP */
#include "udpc.h"

#include <poll.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_shutdown(p, client, SHUT_RD));
	expect_revents(p, sock_poll(p, client, POLLIN | POLLRDHUP), POLLIN | POLLRDHUP);
}

const struct rule rule = {
	.id = "udp.shutdown.shut_rd_poll_reports_rdhup",
	.sentence = "After shutdown(SHUT_RD), poll() on a connected UDP socket with nothing queued "
		    "reports POLLIN|POLLRDHUP at once, and no POLLHUP.",
	.why = "datagram_poll() reports EPOLLRDHUP and EPOLLIN for RCV_SHUTDOWN, EPOLLHUP only "
	       "when both directions are shut down.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "datagram_poll() in net/core/datagram.c", "POLLIN|POLLRDHUP" },
		{ "POSIX", "poll(): POLLIN when a read would not block", "POLLIN" },
		{ "BSD", "FreeBSD sopoll_generic(): readable once SBS_CANTRCVMORE", "POLLIN" },
	},
	.run = run,
};
