// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.reconnect_changes_peer
 *
 * A connected UDP socket may call connect() again: the new peer replaces
 * the old one, getpeername() names it and send() goes to it.  The old peer
 * gets nothing more.
 *
 * Proof of absence by ordering: after the client's send, another socket on
 * the client's host sends a sentinel to the old peer over the same link; had
 * the client's datagram gone to the old peer, it would be read first.
 *
 * References: udp(7) "connect(2) ... may be called again to change the
 * destination"; ip4_datagram_connect() in net/ipv4/datagram.c (drops the
 * old route with sk_dst_reset()), ip6_datagram_connect() in
 * net/ipv6/datagram.c; POSIX connect(); Stevens UNP vol. 1 §8.14.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr old_peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr new_peer = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");

	must(p, sock_bind(p, server, old_peer));
	must(p, sock_bind(p, stranger, new_peer));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_bind(p, sentinel, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_connect(p, client, old_peer));

	expect_ok(p, sock_connect(p, client, new_peer));
	expect_addr(p, sock_getpeername(p, client), new_peer);
	expect_ok(p, sock_send(p, client, "to the new peer"));
	must(p, sock_sendto(p, sentinel, "sentinel", old_peer));
	expect_datagram(p, sock_recv(p, stranger), "to the new peer",
			addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_datagram(p, sock_recv(p, server), "sentinel", addr_host(p, HOST_CLIENT, PORT_OTHER));
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.connect.reconnect_changes_peer",
	.sentence = "connect() on a connected UDP socket replaces its peer: getpeername() and "
		    "send() follow the new peer and the old one receives nothing more.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect() for IPv6) does not refuse a "
	       "socket that is already connected: it resets the cached route, looks up the "
	       "new one and overwrites the destination address and port.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp(7); ip4_datagram_connect() in net/ipv4/datagram.c", "new peer" },
		{ "POSIX", "connect(): a connectionless socket may change its peer at any time",
		  "new peer" },
		{ "BSD", "Stevens UNP vol. 1 §8.14: call connect again to change the peer",
		  "new peer" },
	},
	.run = run,
};
