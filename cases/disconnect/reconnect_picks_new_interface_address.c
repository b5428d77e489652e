/* udp.disconnect.reconnect_picks_new_interface_address
 *
 * Disconnecting gives back the source address connect() chose, so the next
 * connect() chooses afresh: after the first connect() to the server (on the
 * client's first link) and a disconnect, connecting to the stranger (on the
 * client's second link) picks the client's address on that second link,
 * and the stranger sees datagrams from it.  Without the disconnect the
 * first address would stay (udp.connect.source_sticks_across_reconnect).
 *
 * References: connect(2) AF_UNSPEC; __udp_disconnect() in net/ipv4/udp.c
 * (inet_reset_saddr() unless SOCK_BINDADDR_LOCK), ip4_datagram_connect() in
 * net/ipv4/datagram.c, ip6_datagram_dst_update() in net/ipv6/datagram.c;
 * Stevens UNP vol. 1 §8.14.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	/* The client's address on the stranger's link (topo.c, TOPO_TWO_LINKS). */
	struct addr second_source = addr_host_facing(p, HOST_CLIENT, HOST_STRANGER, PORT_EPHEMERAL);
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_disconnect(p, client));

	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_addr(p, sock_getsockname(p, client), second_source);
	expect_ok(p, sock_send(p, client, "ping"));
	expect_datagram(p, sock_recv(p, stranger), "ping", second_source);
}

const struct rule rule = {
	.id = "udp.disconnect.reconnect_picks_new_interface_address",
	.sentence = "After a disconnect, connect() to a peer on another interface gives the UDP "
		    "socket that interface's address.",
	.why = "__udp_disconnect() resets the source address with inet_reset_saddr() unless the "
	       "application bound it (SOCK_BINDADDR_LOCK), so the next ip4_datagram_connect() "
	       "(ip6_datagram_dst_update()) finds it empty and takes the new route's source.",
	.families = FAM_ALL,
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "new route's source" },
		{ "POSIX", "connect(): AF_UNSPEC resets the peer; the local address is unspecified",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: disconnect resets the local address to 0",
		  "new route's source" },
	},
	.run = run,
};
