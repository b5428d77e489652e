// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.reconnect_keeps_ephemeral_port
 *
 * The ephemeral port connect() gives an unbound UDP socket is the socket's
 * for good: connect() again, to another peer, keeps it, and the second
 * peer sees datagrams from the very address and port the first saw.
 * Applications that reconnect a socket to follow a peer (libuv, QUIC
 * stacks) rely on it.
 *
 * References: inet_dgram_connect() in net/ipv4/af_inet.c (inet_autobind()
 * only while inet_num is 0); __ip4_datagram_connect() in
 * net/ipv4/datagram.c (the source address is set once, while it is still
 * the wildcard), __ip6_datagram_connect() in net/ipv6/datagram.c; libuv
 * PR #5193; POSIX connect().
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_send(p, client, "first peer"));
	struct call first = sock_recv(p, server);
	expect_datagram(p, first, "first peer", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_send(p, client, "second peer"));
	struct call second = sock_recv(p, stranger);
	expect_datagram(p, second, "second peer", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_same_addr(p, "the source the second peer saw is the one the first saw", first, second);
}

const struct rule rule = {
	.id = "udp.connect.reconnect_keeps_ephemeral_port",
	.sentence = "connect() to a second peer keeps the ephemeral port and source address "
		    "the first connect() gave a UDP socket.",
	.why = "inet_dgram_connect() autobinds only a socket without a local port, and "
	       "ip4_datagram_connect() (ip6_datagram_connect()) replaces the source address "
	       "only while it is the wildcard, so a second connect() changes the peer alone.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "inet_dgram_connect() in net/ipv4/af_inet.c", "same port and address" },
		{ "POSIX", "connect(): a new peer replaces the old; the local address stays",
		  "same port and address" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: lport kept once bound", "same port and address" },
	},
	.run = run,
};
