// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.sends_nothing
 *
 * connect() on a UDP socket is local bookkeeping: it records the peer, picks
 * a route and a source address, and returns 0 without a single packet on the
 * wire, even when nothing at all listens at the peer's port.  UDP has no
 * handshake, so there is nothing to send and nothing to wait for.
 *
 * Proof of absence by ordering: a wire on the server's link watches from
 * before the connect.  After connect() the client sends a sentinel; had
 * connect() sent anything at all (a datagram, an ARP request, a neighbour
 * solicitation, an ICMP message), the wire would have seen it first, so
 * the first frame it sees must be the sentinel.  Neighbours are static
 * entries, so the sentinel itself needs no resolution.  Only the listener
 * reports (IGMP, MLD) a host sends by itself for its own multicast groups
 * are passed over: no socket call causes them.
 *
 * References: udp(7) "connect(2) ... sets the default destination";
 * ip4_datagram_connect() in net/ipv4/datagram.c, ip6_datagram_connect() in
 * net/ipv6/datagram.c; POSIX connect() "for connectionless sockets, the
 * peer address is set and no connection is made"; Stevens UNP vol. 1 §8.11
 * "nothing is exchanged with the peer".
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *wire = wire_open(p, HOST_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "sentinel"));
	expect_datagram(p, wire_recv_frame(p, wire), "sentinel",
			addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.sends_nothing",
	.sentence = "connect() on a UDP socket returns 0 even when nothing listens at the peer "
		    "and puts nothing on the wire: no datagram, no ARP or neighbour discovery.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect() for IPv6) only looks up "
	       "the route, fills in the source address and stores the peer in the socket; "
	       "no code on that path transmits anything.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7); ip4_datagram_connect() in net/ipv4/datagram.c",
		  "0, nothing sent" },
		{ "POSIX", "connect(): for a connectionless socket only the peer address is set",
		  "0, nothing sent" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: no information is exchanged with the peer",
		  "0, nothing sent" },
	},
	.run = run,
};
