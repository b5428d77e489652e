// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_rd_recv_returns_0
 *
 * After shutdown(SHUT_RD) a connected UDP socket with nothing queued reads
 * end of file: a blocking recvfrom() returns 0 at once instead of waiting.
 * (A recvfrom() with MSG_DONTWAIT would say EAGAIN: only a wait sees the
 * shutdown.)
 *
 * References: POSIX shutdown() "SHUT_RD: disables further receive
 * operations"; __skb_wait_for_more_packets() in net/core/datagram.c ("if
 * (sk->sk_shutdown & RCV_SHUTDOWN) goto out_noerr;"), which ends the wait
 * of __skb_recv_udp() in net/ipv4/udp.c with no datagram and no error;
 * gVisor udp_socket.cc ReadShutdown.
 */
#include "udpc.h"

#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_shutdown(p, client, SHUT_RD));
	expect_eof(p, sock_recv_blocking(p, client));
}

const struct rule rule = {
	.id = "udp.shutdown.shut_rd_recv_returns_0",
	.sentence = "After shutdown(SHUT_RD), a blocking recvfrom() on a connected UDP socket with "
		    "an empty queue returns 0 at once.",
	.why = "__skb_recv_udp() waits in __skb_wait_for_more_packets(), which returns at once "
	       "with no error when sk_shutdown has RCV_SHUTDOWN, so udp_recvmsg() returns 0.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_wait_for_more_packets() in net/core/datagram.c", "0" },
		{ "POSIX", "shutdown(): SHUT_RD disables further receive operations",
		  "0 (end of file)" },
		{ "BSD", "FreeBSD soshutdown(): socantrcvmore(), soreceive() returns 0", "0" },
	},
	.run = run,
};
