/* udp.connect.wildcard_bound_keeps_port_gets_route_source
 *
 * A socket bound to the wildcard address with a port of its own keeps that
 * port when connected, and its wildcard address is replaced by the source
 * address of the route to the peer: from now on it sends from, and receives
 * on, that one address only.  The client has two links and the peer is on
 * the second, so the address must be the client's on that link.
 *
 * References: ip4_datagram_connect() in net/ipv4/datagram.c (fills
 * inet_saddr and inet_rcv_saddr only when they are 0),
 * ip6_datagram_dst_update() in net/ipv6/datagram.c; Stevens UNP vol. 1
 * §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	/* The client's address on the stranger's link (topo.c, TOPO_TWO_LINKS). */
	struct addr on_stranger_link = addr_host_facing(p, HOST_CLIENT, HOST_STRANGER, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_wildcard(p, PORT_CLIENT)));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_addr(p, sock_getsockname(p, client), on_stranger_link);
}

const struct rule rule = {
	.id = "udp.connect.wildcard_bound_keeps_port_gets_route_source",
	.sentence = "connect() on a UDP socket bound to the wildcard address keeps its port "
		    "and replaces the wildcard with the source address of the route to the peer.",
	.why = "ip4_datagram_connect() (ip6_datagram_dst_update() for IPv6) copies the "
	       "route's source address into inet_saddr and inet_rcv_saddr (sk_v6_rcv_saddr) "
	       "only where they are still the wildcard, and never touches the bound port.",
	.families = FAM_ALL,
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect() in net/ipv4/datagram.c",
		  "route's source address, bound port" },
		{ "POSIX", "connect(): unspecified for a socket already bound", "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.14: getsockname() shows the chosen address",
		  "route's source address, bound port" },
	},
	.run = run,
};
