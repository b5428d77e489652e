// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.foreign_datagrams_dropped
 *
 * A connected UDP socket receives only from its peer.  A datagram from
 * another port on the peer's host, or from another host using the peer's
 * port, is never delivered to it; the peer's own datagrams are.
 *
 * Proof of absence by ordering: the two foreign datagrams are sent before
 * the peer's, over the same link on the same CPU; if either had been
 * delivered it would be read first, and nothing may be left after the peer's.
 * Proof that they came and were turned away, not lost on the way: the
 * server counts both as datagrams that found no socket (Udp NoPorts).
 *
 * References: udp(7) "When connect(2) is called on the socket, the default
 * destination address is set ... datagrams from other addresses are
 * discarded"; compute_score() in net/ipv4/udp.c (a connected socket scores
 * only on an exact source match), net/ipv6/udp.c; Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *other_port = sock_open(p, HOST_CLIENT, "other_port");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_bind(p, other_port, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_CLIENT)));
	expect_ok(p, sock_connect(p, server, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_sendto(p, other_port, "from another port", at_server));
	expect_ok(p, sock_sendto(p, stranger, "from another host", at_server));
	expect_ok(p, sock_sendto(p, client, "from the peer", at_server));
	expect_datagram(p, sock_recv(p, server), "from the peer",
			addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
	expect_long(p, "datagrams the server found no socket for", 2,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
}

const struct rule rule = {
	.id = "udp.filter.foreign_datagrams_dropped",
	.sentence = "A connected UDP socket receives datagrams only from its peer: not from "
		    "another port of the peer's host, nor from another host with the peer's port.",
	.why = "The receive lookup (__udp4_lib_lookup() via compute_score(), "
	       "__udp6_lib_lookup() for IPv6) rejects a connected socket whose remote "
	       "address or port differs from the datagram's source, so the datagram "
	       "finds no socket and is answered with ICMP port unreachable.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp(7); compute_score() in net/ipv4/udp.c", "only the peer's datagrams" },
		{ "POSIX", "connect(): datagrams from other addresses are discarded",
		  "only the peer's datagrams" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "only the peer's datagrams" },
	},
	.run = run,
};
