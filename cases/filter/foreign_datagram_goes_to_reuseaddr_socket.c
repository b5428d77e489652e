// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.foreign_datagram_goes_to_reuseaddr_socket
 *
 * A connected socket's filter decides only what *it* receives, not what the
 * port receives.  With a second, unconnected socket bound to the same
 * address and port (SO_REUSEADDR on both), a stranger's datagram goes to
 * that second socket, while the peer's datagram still goes to the connected
 * one, which prefers it because it matches on more fields.
 *
 * Proof by ordering: the stranger sends first, the peer second; once the
 * connected socket has the peer's datagram, both queues are final.
 *
 * References: socket(7) SO_REUSEADDR; compute_score() in net/ipv4/udp.c and
 * net/ipv6/udp.c (a connected socket that matches the source scores higher
 * than an unconnected one; one that does not is skipped); Stevens UNP
 * vol. 1 §8.11, §7.5 (SO_REUSEADDR for UDP).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *connected = sock_open(p, HOST_SERVER, "connected");
	struct sock *catchall = sock_open(p, HOST_SERVER, "catchall");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sockopt_set_int(p, connected, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sockopt_set_int(p, catchall, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sock_bind(p, connected, at_server));
	must(p, sock_bind(p, catchall, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_connect(p, connected, from_client));

	expect_ok(p, sock_sendto(p, stranger, "from a stranger", at_server));
	expect_ok(p, sock_sendto(p, client, "from the peer", at_server));
	expect_datagram(p, sock_recv(p, connected), "from the peer", from_client);
	expect_errno(p, sock_recv_nowait(p, connected), EAGAIN);
	expect_datagram(p, sock_recv_nowait(p, catchall), "from a stranger",
			addr_host(p, HOST_STRANGER, PORT_STRANGER));
	expect_errno(p, sock_recv_nowait(p, catchall), EAGAIN);
}

const struct rule rule = {
	.id = "udp.filter.foreign_datagram_goes_to_reuseaddr_socket",
	.sentence = "A stranger's datagram to a connected socket's port goes to an unconnected "
		    "socket sharing the port through SO_REUSEADDR, and the connected socket "
		    "gets only its peer's.",
	.why = "The receive lookup scores every socket on the port with compute_score(): "
	       "a connected socket is skipped for a foreign source and scores above the "
	       "unconnected one for its peer, so each datagram goes to the socket that "
	       "matches it best.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "compute_score() in net/ipv4/udp.c", "stranger's to catchall, peer's to connected" },
		{ "POSIX", "no rule on sockets sharing a port", "unspecified" },
		{ "BSD", "in_pcblookup() in 4.4BSD (best match wins)",
		  "stranger's to catchall, peer's to connected" },
	},
	.run = run,
};
