// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.pollerr_until_errqueue_drained
 *
 * With IP_RECVERR (IPV6_RECVERR) an error has two parts, and poll() keeps
 * reporting POLLERR until both are gone: after recv() took the pending
 * ECONNREFUSED, the entry is still in the error queue, so poll() still
 * says POLLERR (and recv() says EAGAIN); only reading the entry with
 * MSG_ERRQUEUE ends it.  An event loop that only calls recv() on POLLERR
 * spins (libuv #4447, fixed by reading the error queue in PR #4902).
 *
 * References: ip(7) IP_RECVERR; datagram_poll() in net/core/datagram.c
 * ("if (sk->sk_err || !skb_queue_empty_lockless(&sk->sk_error_queue))
 * mask |= EPOLLERR"); ip_recv_error() in net/ipv4/ip_sockglue.c.
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, 0));

	expect_errno(p, sock_recv_nowait(p, client), ECONNREFUSED);
	expect_revents(p, sock_poll(p, client, POLLOUT), POLLOUT | POLLERR);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_errqueue(p, errq_recv(p, client), errq_port_unreachable(p));
	expect_revents(p, sock_poll(p, client, POLLOUT), POLLOUT);
}

const struct rule rule = {
	.id = "udp.errors.pollerr_until_errqueue_drained",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) set, poll() on a UDP socket reports POLLERR "
		    "after recv() took the ECONNREFUSED, until the error queue is read.",
	.why = "datagram_poll() sets EPOLLERR while sk_err is set or sk_error_queue is "
	       "not empty; recv() clears sk_err only, ip_recv_error() dequeues the entry.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "datagram_poll() in net/core/datagram.c",
		  "POLLOUT|POLLERR, EAGAIN; after MSG_ERRQUEUE POLLOUT" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no IP_RECVERR", "not available" },
	},
	.tags = { { "bug", "https://github.com/libuv/libuv/issues/4447",
		    "UV_UDP_LINUX_RECVERR make loop busy", "" } },
	.run = run,
};
