// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_peer_address_on_connected
 *
 * sendto() that names the connected peer itself succeeds on Linux and the
 * peer receives the datagram.  4.4BSD returns EISCONN for any address on a
 * connected socket, the peer's included (Stevens UNP vol. 1 §8.11: "we
 * cannot specify a destination address"); POSIX lets sendto() either send
 * or fail with EISCONN.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c, udpv6_sendmsg() in
 * net/ipv6/udp.c; POSIX sendto(); Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, at_server));

	expect_ok(p, sock_sendto(p, client, "named peer", at_server));
	expect_datagram(p, sock_recv(p, server), "named peer", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendto_peer_address_on_connected",
	.sentence = "sendto() naming the peer on a connected UDP socket succeeds and the peer "
		    "receives the datagram.",
	.why = "udp_sendmsg() (udpv6_sendmsg() for IPv6) accepts an explicit address on "
	       "a connected socket like on any other.  IPv4 (and a mapped peer, which "
	       "goes through udp_sendmsg()) then looks the route up as "
	       "for an unconnected socket (connected stays 0 whenever msg_name is "
	       "given); IPv6 finds the address equal to sk_v6_daddr and keeps the "
	       "socket's cached route (ip6_sk_dst_check()); see docs/cost.md.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "sent" },
		{ "POSIX", "sendto(): sent to dest_addr, or [EISCONN]", "sent or EISCONN" },
		{ "BSD", "Stevens UNP vol. 1 §8.11; udp_output() in 4.4BSD", "EISCONN" },
	},
	.run = run,
};
