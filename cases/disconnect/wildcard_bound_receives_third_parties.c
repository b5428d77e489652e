// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.wildcard_bound_receives_third_parties
 *
 * A server-style socket bound to the wildcard with a port, that connected to
 * one peer for a while and then disconnected, is a plain listening socket
 * again: a datagram from a third host reaches it.
 *
 * IPv6 does not get there: __udp_disconnect() clears the IPv4 peer
 * (inet_daddr, inet_dport) but not sk_v6_daddr, and compute_score() in
 * net/ipv6/udp.c keeps rejecting every source but the old peer.  The same
 * divergence as udp.disconnect.af_unspec_disconnects, here for a socket
 * whose local address was also reset to the wildcard.
 *
 * Proof that nothing else is queued: the third party's datagram is read
 * first and the queue is then empty.
 *
 * References: connect(2) "dissolve the association"; __udp_disconnect() in
 * net/ipv4/udp.c, compute_score() in net/ipv4/udp.c and net/ipv6/udp.c;
 * Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *server = sock_open(p, HOST_SERVER, "server");

	must(p, sock_bind(p, client, addr_wildcard(p, PORT_CLIENT)));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_disconnect(p, client));

	/* The old peer's sentinel, sent after, is delivered in any case: if the
	 * stranger's datagram was dropped, it is what the first read returns. */
	expect_ok(p, sock_sendto(p, stranger, "hello", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_sendto(p, server, "sentinel", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, sock_recv(p, client), "hello", addr_host(p, HOST_STRANGER, PORT_STRANGER));
}

const struct rule rule = {
	.id = "udp.disconnect.wildcard_bound_receives_third_parties",
	.sentence = "A UDP socket bound to the wildcard that connected and then disconnected "
		    "receives datagrams from third parties again.",
	.why = "__udp_disconnect() clears the peer and rehashes the socket, so "
	       "compute_score() no longer requires the old peer as source.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "connect(2); __udp_disconnect() in net/ipv4/udp.c", "delivered" },
		{ "POSIX", "connect(): AF_UNSPEC resets the peer address", "delivered" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "delivered" },
	},
	.known = {
		.families = FAM_IPV6,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "__udp_disconnect() in net/ipv4/udp.c leaves sk_v6_daddr set, so "
			 "compute_score() in net/ipv6/udp.c keeps filtering on the old peer address",
	},
	.tags = {
		{ "linux-git", "303d0403b8c2", "udp: rehash on disconnect", "v5.6" },
	},
	.run = run,
};
