// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.blocked_recv_wakes_for_peer_datagram
 *
 * A recv() sleeping on a connected UDP socket is woken by the peer's
 * datagram and returns it.  The datagram is sent only once the receiving
 * thread is asleep inside recvfrom(), so the call really blocked.
 *
 * References: gVisor udp_socket.cc SynchronousReceive; POSIX recv() "If
 * no messages are available at the socket and O_NONBLOCK is not set ...
 * recv() shall block until a message arrives"; __skb_recv_udp() ->
 * __skb_wait_for_more_packets() in net/core/datagram.c, woken by
 * sk_data_ready() from __udp_enqueue_schedule_skb() in net/ipv4/udp.c.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, client, at_server));

	struct blocked_recv *b = blocked_recv_start(p, client);
	must(p, sock_sendto(p, server, "wake up", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, blocked_recv_finish(p, b), "wake up", at_server);
}

const struct rule rule = {
	.id = "udp.recv.blocked_recv_wakes_for_peer_datagram",
	.sentence = "A recv() blocked on a connected UDP socket wakes up for the peer's datagram "
		    "and returns it.",
	.why = "__udp_enqueue_schedule_skb() queues the skb and calls sk_data_ready(), "
	       "which wakes the task sleeping in __skb_wait_for_more_packets().",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_wait_for_more_packets() in net/core/datagram.c", "\"wake up\"" },
		{ "POSIX", "recv(): blocks until a message arrives", "the datagram" },
		{ "BSD", "Stevens UNP vol. 1 §8.9", "the datagram" },
	},
	.run = run,
};
