// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.unconnected_shut_rdwr_poll_reports_hup
 *
 * shutdown(SHUT_RDWR) on a UDP socket that is not connected fails with
 * ENOTCONN, and still does what Linux keeps it for: a thread that polls the
 * socket sees it hung up.  poll() reports POLLHUP beside POLLIN, so a
 * program can wake its own receiver this way (the idiom the kernel's
 * comment names).
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c ("Hack to wake up other
 * listeners, who can poll for EPOLLHUP, even on eg. unconnected UDP
 * sockets", then sk_state_change()); datagram_poll() in
 * net/core/datagram.c; POSIX shutdown() [ENOTCONN].
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_errno(p, sock_shutdown(p, server, SHUT_RDWR), ENOTCONN);
	expect_revents(p, sock_poll(p, server, POLLIN), POLLIN | POLLHUP);
}

const struct rule rule = {
	.id = "udp.shutdown.unconnected_shut_rdwr_poll_reports_hup",
	.sentence = "shutdown(SHUT_RDWR) on an unconnected UDP socket fails with ENOTCONN, yet poll() "
		    "on it then reports POLLIN|POLLHUP.",
	.why = "inet_shutdown() sets sk_shutdown before it returns -ENOTCONN for TCP_CLOSE, on "
	       "purpose, so that datagram_poll() reports EPOLLHUP to pollers of the socket.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "ENOTCONN, then POLLIN|POLLHUP" },
		{ "POSIX", "shutdown(): [ENOTCONN]; a failed call has no effect",
		  "ENOTCONN, poll waits" },
		{ "BSD", "FreeBSD soshutdown(): ENOTCONN before any change", "ENOTCONN, poll waits" },
	},
	.run = run,
};
