// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.poll_reports_pollerr
 *
 * A pending asynchronous error wakes poll() even though no datagram is
 * there: asked for POLLIN, poll() answers POLLERR (which it always reports,
 * asked or not) and not POLLIN.  select() folds the same error into the
 * read and write sets, so a select() loop sees a "readable" socket whose
 * recv() then fails with ECONNREFUSED.  Polling takes nothing: the error
 * is still there for the recv().
 *
 * References: poll(2) "POLLERR ... ignored in events"; POSIX poll();
 * datagram_poll() in net/core/datagram.c (EPOLLERR when sk_err is set or
 * the error queue is not empty), udp_poll() in net/ipv4/udp.c; Stevens UNP
 * vol. 1 §6.3 ("a socket error is pending" makes it readable).
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));

	expect_revents(p, sock_poll(p, client, POLLIN), POLLERR);
	expect_errno(p, sock_recv_nowait(p, client), ECONNREFUSED);
}

const struct rule rule = {
	.id = "udp.errors.poll_reports_pollerr",
	.sentence = "poll() on a connected UDP socket with a pending ICMP error reports "
		    "POLLERR, not POLLIN, and leaves the error for the next call.",
	.why = "datagram_poll() (through udp_poll()) adds EPOLLERR while sk_err is "
	       "set, EPOLLIN only while the receive queue holds a datagram; it "
	       "reads sk_err without clearing it.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "poll(2); datagram_poll() in net/core/datagram.c", "POLLERR" },
		{ "POSIX", "poll(): POLLERR \"an error has occurred\", always reported",
		  "POLLERR" },
		{ "BSD", "Stevens UNP vol. 1 §6.3: a pending error makes select() readable",
		  "readable (select)" },
	},
	.run = run,
};
