// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.blocked_recv_wakes_with_0
 *
 * A thread asleep in recvfrom() on a connected UDP socket is woken when
 * another thread shuts the socket down for reading, and its recvfrom()
 * returns 0: end of file, no datagram.  (The sleep is bounded by
 * SO_RCVTIMEO, so a wake-up that never comes shows as EAGAIN.)
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c ends with
 * sk->sk_state_change(sk), which wakes every waiter; the woken
 * __skb_wait_for_more_packets() (net/core/datagram.c) sees RCV_SHUTDOWN
 * and returns with no error; gVisor udp_socket.cc ReadShutdownDifferentThread.
 */
#include "udpc.h"

#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	struct blocked_recv *b = blocked_recv_start(p, client);
	expect_ok(p, sock_shutdown(p, client, SHUT_RD));
	expect_eof(p, blocked_recv_finish(p, b));
}

const struct rule rule = {
	.id = "udp.shutdown.blocked_recv_wakes_with_0",
	.sentence = "A recvfrom() blocked on a connected UDP socket returns 0 when another thread "
		    "calls shutdown(SHUT_RD).",
	.why = "inet_shutdown() calls sk_state_change(), which wakes the sleeping receiver; "
	       "__skb_wait_for_more_packets() then finds RCV_SHUTDOWN and the receive ends "
	       "with 0 bytes and no error.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "0" },
		{ "POSIX", "shutdown(): SHUT_RD disables further receive operations",
		  "unspecified for a waiting call" },
		{ "BSD", "FreeBSD soshutdown(): socantrcvmore() wakes the reader", "0" },
	},
	.run = run,
};
