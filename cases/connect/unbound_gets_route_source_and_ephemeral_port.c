/* udp.connect.unbound_gets_route_source_and_ephemeral_port
 *
 * connect() on a socket that was never bound binds it: the port is an
 * ephemeral one from ip_local_port_range, and the local address is the
 * source address of the route to the peer.  The client here has two links;
 * the peer is on the second, so the right answer is the client's address on
 * that link, not just "an address of the host".
 *
 * References: ip(7) "ip_local_port_range"; inet_dgram_connect() in
 * net/ipv4/af_inet.c (inet_autobind()), ip4_datagram_connect() in
 * net/ipv4/datagram.c, ip6_datagram_connect() / ip6_datagram_dst_update()
 * in net/ipv6/datagram.c; POSIX connect(); Stevens UNP vol. 1 §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	/* The client's address on the stranger's link (topo.c, TOPO_TWO_LINKS). */
	struct addr on_stranger_link = addr_host_facing(p, HOST_CLIENT, HOST_STRANGER, PORT_EPHEMERAL);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_addr(p, sock_getsockname(p, client), on_stranger_link);
}

const struct rule rule = {
	.id = "udp.connect.unbound_gets_route_source_and_ephemeral_port",
	.sentence = "connect() binds an unbound UDP socket to the source address of the "
		    "route to the peer and an ephemeral port.",
	.why = "inet_dgram_connect() calls inet_autobind(), which takes a port from "
	       "ip_local_port_range; ip4_datagram_connect() (ip6_datagram_dst_update() for "
	       "IPv6) then copies the source address the route lookup chose into the "
	       "socket's still-empty local address.",
	.families = FAM_ALL,
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip(7); ip4_datagram_connect() in net/ipv4/datagram.c",
		  "route's source address, ephemeral port" },
		{ "POSIX", "connect(): an unbound socket is bound to an unused local address",
		  "some local address" },
		{ "BSD", "Stevens UNP vol. 1 §8.14: the kernel chooses the address by route",
		  "route's source address, ephemeral port" },
	},
	.run = run,
};
