// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.receiver_sees_getsockname_as_source
 *
 * The source a receiver's recvfrom() reports is exactly what the sender's
 * getsockname() says after connect().  For a client that never called
 * bind(), connect() chose both: the source address of the route to the
 * peer and an ephemeral port; the datagram then carries that address and
 * port, so getsockname() is a promise about what the peer will see.
 *
 * References: getsockname(2); ip(7) "ip_local_port_range";
 * ip4_datagram_connect() in net/ipv4/datagram.c, ip6_datagram_connect() in
 * net/ipv6/datagram.c, udp_sendmsg() in net/ipv4/udp.c; Stevens UNP vol. 1
 * §8.11, §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr client_ephemeral = addr_host(p, HOST_CLIENT, PORT_EPHEMERAL);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_connect(p, client, at_server));

	struct call name = sock_getsockname(p, client);
	expect_addr(p, name, client_ephemeral);
	expect_ok(p, sock_send(p, client, "who am I"));
	struct call got = sock_recv(p, server);
	expect_datagram(p, got, "who am I", client_ephemeral);
	expect_same_addr(p, "server's recvfrom() source is client's getsockname()", name, got);
}

const struct rule rule = {
	.id = "udp.send.receiver_sees_getsockname_as_source",
	.sentence = "The source address and port a receiver sees are exactly what the "
		    "connected sender's getsockname() reports.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect() for IPv6) stores the "
	       "route's source address in inet_saddr (sk_v6_rcv_saddr) and the "
	       "autobind fixed inet_sport; udp_sendmsg() builds the header from those "
	       "same fields, and getsockname() reads them.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "getsockname(2); ip4_datagram_connect() in net/ipv4/datagram.c",
		  "source == getsockname()" },
		{ "POSIX", "connect(): binds an unbound socket to an unused local address",
		  "source == getsockname()" },
		{ "BSD", "Stevens UNP vol. 1 §8.14 (connect chooses the local address)",
		  "source == getsockname()" },
	},
	.run = run,
};
