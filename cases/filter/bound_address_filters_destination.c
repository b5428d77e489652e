// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.bound_address_filters_destination
 *
 * A socket bound to one local address receives only datagrams sent to
 * that address: a datagram to another address of the same host, same
 * port, finds no socket (Udp NoPorts) even though the host accepts it,
 * while the sentinel sent to the bound address after it is delivered.
 *
 * The server's socket is bound to its link address; the other address is
 * the same host's loopback address (127.0.0.1, ::1), and the datagrams
 * come from a second socket on the server itself.
 *
 * References: udp(7) "When a UDP socket is created, its local and remote
 * addresses are unspecified ... bind(2) ... a local address"; packetimpact
 * TestUDP Receive; compute_score() in net/ipv4/udp.c (a socket bound to
 * an address scores only when it equals the datagram's destination),
 * net/ipv6/udp.c; Stevens UNP vol. 1 §8.8.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr bound = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr other = addr_loopback(p, PORT_SERVER);
	struct addr from = addr_host(p, HOST_SERVER, PORT_OTHER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *local = sock_open(p, HOST_SERVER, "local");

	must(p, sock_bind(p, server, bound));
	must(p, sock_bind(p, local, from));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_sendto(p, local, "to the other address", other));
	expect_ok(p, sock_sendto(p, local, "sentinel", bound));
	expect_datagram(p, sock_recv(p, server), "sentinel", from);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
	expect_long(p, "datagrams the host found no socket for", 1,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
}

const struct rule rule = {
	.id = "udp.filter.bound_address_filters_destination",
	.sentence = "A UDP socket bound to one local address does not receive datagrams sent to "
		    "another address of its host on the same port.",
	.why = "compute_score() (net/ipv4/udp.c, net/ipv6/udp.c) rejects a socket whose "
	       "bound address is set and differs from the datagram's destination, so the "
	       "datagram finds no socket.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "compute_score() in net/ipv4/udp.c", "not delivered, NoPorts + 1" },
		{ "POSIX", "bind(): the local address", "not delivered" },
		{ "BSD", "Stevens UNP vol. 1 §8.8", "not delivered" },
	},
	.run = run,
};
