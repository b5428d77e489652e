// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_rd_keeps_queued_datagram
 *
 * shutdown(SHUT_RD) does not throw away what has arrived: a datagram
 * queued before the call is still read after it, and only then does the
 * socket read end of file (a blocking recvfrom() returns 0).
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c only sets sk_shutdown
 * (UDP has no shutdown that purges the queue); __skb_recv_udp() in
 * net/ipv4/udp.c takes a queued datagram before it would wait; gVisor
 * udp_socket.cc ReadShutdownNonblockPendingData.
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
	must(p, sock_sendto(p, server, "queued", at_client));
	must(p, sock_recv_peek(p, client)); /* it has arrived */

	expect_ok(p, sock_shutdown(p, client, SHUT_RD));
	expect_datagram(p, sock_recv_blocking(p, client), "queued", from_server);
	expect_eof(p, sock_recv_blocking(p, client));
}

const struct rule rule = {
	.id = "udp.shutdown.shut_rd_keeps_queued_datagram",
	.sentence = "A datagram queued on a connected UDP socket before shutdown(SHUT_RD) is still "
		    "delivered; after it the socket reads end of file.",
	.why = "inet_shutdown() sets RCV_SHUTDOWN and nothing else; __skb_recv_udp() returns a "
	       "queued datagram before it looks at the shutdown, which only ends a wait.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_recv_udp() in net/ipv4/udp.c", "queued datagram, then 0" },
		{ "POSIX", "shutdown(): SHUT_RD disables further receive operations",
		  "unspecified for queued data" },
		{ "BSD", "FreeBSD soshutdown() → sorflush(): queued data discarded", "0" },
	},
	.run = run,
};
