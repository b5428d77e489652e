// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_rd_still_accepts_datagrams
 *
 * On Linux, shutdown(SHUT_RD) of a UDP socket does not stop datagrams
 * from arriving: one the peer sends after the shutdown is queued and
 * delivered like any other.  The shutdown only changes what a wait on an
 * empty queue returns (0 instead of sleeping).  POSIX says further receive
 * operations are disabled; BSD discards what arrives.
 *
 * References: POSIX shutdown() "SHUT_RD: Disables further receive
 * operations"; the UDP receive path (udp_queue_rcv_one_skb(),
 * __udp_enqueue_schedule_skb() in net/ipv4/udp.c) never looks at
 * sk_shutdown; FreeBSD soshutdown() → socantrcvmore(), after which
 * sbappendaddr() drops.
 */
#include "udpc.h"

#include <sys/socket.h>

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr from_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, from_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, from_server));
	expect_ok(p, sock_shutdown(p, client, SHUT_RD));

	expect_ok(p, sock_sendto(p, server, "after SHUT_RD", at_client));
	expect_datagram(p, sock_recv(p, client), "after SHUT_RD", from_server);
}

const struct rule rule = {
	.id = "udp.shutdown.shut_rd_still_accepts_datagrams",
	.sentence = "A connected UDP socket still receives its peer's datagrams sent after "
		    "shutdown(SHUT_RD).",
	.why = "shutdown() only sets RCV_SHUTDOWN in sk_shutdown, and nothing on the UDP receive "
	       "path (udp_queue_rcv_one_skb(), __udp_enqueue_schedule_skb()) reads it.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_enqueue_schedule_skb() in net/ipv4/udp.c", "delivered" },
		{ "POSIX", "shutdown(): SHUT_RD disables further receive operations", "not delivered" },
		{ "BSD", "FreeBSD socantrcvmore(): sbappendaddr() drops", "not delivered" },
	},
	.run = run,
};
