// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.datagram_boundaries_preserved
 *
 * UDP keeps message boundaries: three datagrams queued together are read
 * by three receives, each returning exactly one datagram, even though the
 * buffer could hold all three.  Nothing is merged, nothing is split.
 *
 * Ordering: a sentinel sent to another socket of the server after the
 * three is read first, so all three are queued before the first receive.
 *
 * References: POSIX recv() "For message-based sockets, such as SOCK_DGRAM
 * ... the entire message shall be read in a single operation"; udp(7)
 * "All receive operations return only one packet"; Stevens UNP vol. 1
 * §8.1; __skb_recv_udp() in net/ipv4/udp.c dequeues one skb per call.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *other = sock_open(p, HOST_SERVER, "other");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, other, addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_sendto(p, client, "one", at_server));
	must(p, sock_sendto(p, client, "two", at_server));
	must(p, sock_sendto(p, client, "three", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_datagram(p, sock_recv(p, server), "one", at_client);
	expect_datagram(p, sock_recv(p, server), "two", at_client);
	expect_datagram(p, sock_recv(p, server), "three", at_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.datagram_boundaries_preserved",
	.sentence = "Each receive on a UDP socket returns exactly one queued datagram, however "
		    "large the buffer.",
	.why = "__skb_recv_udp() dequeues one skb per call and udp_recvmsg() copies from "
	       "that skb only.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7): all receive operations return only one packet",
		  "\"one\", \"two\", \"three\"" },
		{ "POSIX", "recv(): the entire message shall be read in a single operation",
		  "one datagram per call" },
		{ "BSD", "Stevens UNP vol. 1 §8.1", "one datagram per call" },
	},
	.run = run,
};
