// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.errqueue_next_error_becomes_pending
 *
 * The error queue is a queue: two port unreachables are read oldest first,
 * and reading one that has another ICMP error behind it makes that one
 * the pending error again.  So after SO_ERROR took the pending error,
 * reading the first entry leaves ECONNREFUSED pending, reading the second
 * leaves 0, and the queue is then empty.  (SO_ERROR takes the first
 * error before the second datagram: a send() would fail with it.)
 *
 * Ordering: after the client's second datagram a second socket sends to a
 * closed port of the server; its own error proves the client's second
 * ICMP has arrived.
 *
 * References: ip(7) IP_RECVERR; sock_dequeue_err_skb() in
 * net/core/skbuff.c ("sk->sk_err = SKB_EXT_ERR(skb_next)->ee.ee_errno" when
 * the next entry is an ICMP error, else 0); ip_recv_error() in
 * net/ipv4/ip_sockglue.c, ipv6_recv_error() in net/ipv6/datagram.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, closed));
	must(p, sock_send(p, client, "first"));
	must(p, sock_poll(p, client, 0));
	expect_pending_error(p, sockopt_so_error(p, client), ECONNREFUSED);
	must(p, sock_send(p, client, "second"));
	must(p, sock_connect(p, sentinel, closed));
	must(p, sock_send(p, sentinel, "sentinel"));
	must(p, sock_poll(p, sentinel, 0));

	expect_pending_error(p, sockopt_so_error(p, client), ECONNREFUSED);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_datagram(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, "first", closed);
	expect_pending_error(p, sockopt_so_error(p, client), ECONNREFUSED);
	expect_datagram(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, "second", closed);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_errno(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.errqueue_next_error_becomes_pending",
	.sentence = "The error queue returns ICMP errors oldest first, and reading one with "
		    "another behind it leaves that one's ECONNREFUSED as the pending error.",
	.why = "sock_dequeue_err_skb() unlinks the head and sets sk_err to the next "
	       "entry's ee_errno when that is an ICMP error, or to 0 when none is left.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_dequeue_err_skb() in net/core/skbuff.c",
		  "\"first\" then ECONNREFUSED pending; \"second\" then 0" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no MSG_ERRQUEUE", "not available" },
	},
	.run = run,
};
