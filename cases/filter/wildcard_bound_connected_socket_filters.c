// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.wildcard_bound_connected_socket_filters
 *
 * A socket bound to the wildcard address filters exactly like one bound to
 * a specific address once it connects: only the peer's datagrams are
 * delivered.  connect() fills in the local address from the route, and
 * the receive lookup compares the remote address and port, which the
 * wildcard bind never touched.
 *
 * Proof of absence by ordering: the stranger's datagram is sent before the
 * peer's over the same link on the same CPU; had it been delivered it would
 * be read first, and nothing may be left after the peer's.  Proof that it
 * came and was turned away, not lost on the way: the server counts it as a
 * datagram that found no socket (Udp NoPorts).
 *
 * References: udp(7); compute_score() in net/ipv4/udp.c and net/ipv6/udp.c;
 * ip4_datagram_connect() in net/ipv4/datagram.c; Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_connect(p, server, from_client));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_sendto(p, stranger, "from a stranger", at_server));
	expect_ok(p, sock_sendto(p, client, "from the peer", at_server));
	expect_datagram(p, sock_recv(p, server), "from the peer", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
	expect_long(p, "datagrams the server found no socket for", 1,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
}

const struct rule rule = {
	.id = "udp.filter.wildcard_bound_connected_socket_filters",
	.sentence = "A UDP socket bound to the wildcard address receives only its peer's "
		    "datagrams once connected.",
	.why = "compute_score() (net/ipv4/udp.c, net/ipv6/udp.c) rejects a socket whose "
	       "inet_daddr/inet_dport (sk_v6_daddr) are set and differ from the "
	       "datagram's source, whatever its local address; connect() sets them "
	       "for a wildcard-bound socket as for any other.",
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
