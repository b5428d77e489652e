/* udp.disconnect.second_cycle_receives_everyone
 *
 * Connect and disconnect can be repeated: a socket bound to an address and
 * port that connects to the server, disconnects, connects to the stranger
 * and disconnects again is an unconnected socket, and a datagram from the
 * server (its first peer, not its last) is delivered.
 *
 * IPv6 does not get there: __udp_disconnect() clears the IPv4 peer
 * (inet_daddr, inet_dport) but never sk_v6_daddr, so each connect() leaves
 * its peer address behind and compute_score() in net/ipv6/udp.c keeps
 * accepting only the last one: after the second cycle, only the stranger.
 *
 * Proof of absence by ordering: the stranger's sentinel, sent after the
 * server's datagram, is delivered in any case; if the server's was dropped
 * the first read returns the sentinel.
 *
 * References: connect(2) "dissolve the association"; __udp_disconnect() in
 * net/ipv4/udp.c, compute_score() in net/ipv6/udp.c; the same kind of stale
 * sk_v6_daddr was fixed for a failed connect() by 85cb73ff9b74 ("net:
 * ipv6: reset daddr and dport in sk if connect() fails").
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, client, at_client));
	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, stranger, at_stranger));
	for (int cycle = 0; cycle < 2; cycle++) {
		expect_ok(p, sock_connect(p, client, cycle == 0 ? at_server : at_stranger));
		expect_ok(p, sock_disconnect(p, client));
	}

	expect_ok(p, sock_sendto(p, server, "from the first peer", at_client));
	must(p, sock_sendto(p, stranger, "sentinel", at_client));
	expect_datagram(p, sock_recv(p, client), "from the first peer", at_server);
}

const struct rule rule = {
	.id = "udp.disconnect.second_cycle_receives_everyone",
	.sentence = "A bound UDP socket that connected and disconnected twice, to two peers, "
		    "receives datagrams from its first peer.",
	.why = "Each __udp_disconnect() clears the peer and rehashes the socket, so after the "
	       "second one compute_score() requires no source at all.",
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
			 "compute_score() in net/ipv6/udp.c keeps filtering on the last peer's address",
	},
	.run = run,
};
