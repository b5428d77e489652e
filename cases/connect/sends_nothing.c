/* udp.connect.sends_nothing
 *
 * connect() on a UDP socket is local bookkeeping: it records the peer, picks
 * a route and a source address, and returns 0 without a single packet on the
 * wire, even when nothing at all listens at the peer's port.  UDP has no
 * handshake, so there is nothing to send and nothing to wait for.
 *
 * Proof of absence by ordering: a wire on the server's link watches from
 * before the connect.  After connect() the client sends a sentinel; had
 * connect() sent any UDP datagram, the wire would have seen it first.
 * Frames that are not UDP (neighbour discovery, MLD) are passed over.
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
	expect_datagram(p, wire_recv_udp(p, wire), "sentinel",
			addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.sends_nothing",
	.sentence = "connect() on a UDP socket returns 0 even when nothing listens at the peer "
		    "and puts no datagram on the wire.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect() for IPv6) only looks up "
	       "the route, fills in the source address and stores the peer in the socket; "
	       "no code on that path transmits anything.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
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
