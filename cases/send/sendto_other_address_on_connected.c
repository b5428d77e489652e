// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_other_address_on_connected
 *
 * sendto() with an explicit address on a connected UDP socket: Linux sends
 * the datagram to that address, from the socket's own address, and keeps the
 * association for later calls.  4.4BSD refuses any address on a connected
 * socket with EISCONN (Stevens UNP vol. 1 §8.11), and POSIX allows either:
 * "either the message shall be sent to the address specified by dest_addr
 * (overriding the pre-specified peer address), or the function shall return
 * -1 and set errno to [EISCONN]".
 *
 * References: udp_sendmsg() in net/ipv4/udp.c, udpv6_sendmsg() in
 * net/ipv6/udp.c; POSIX sendto(); udp_output() in 4.4BSD; Stevens UNP
 * vol. 1 §8.11.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));

	expect_ok(p, sock_sendto(p, client, "detour", addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_datagram(p, sock_recv(p, stranger), "detour", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendto_other_address_on_connected",
	.sentence = "sendto() with an address other than the peer's on a connected UDP socket "
		    "sends the datagram to that address.",
	.why = "udp_sendmsg() (udpv6_sendmsg() for IPv6) uses msg_name whenever the "
	       "caller gives one, whatever the socket's state; only a missing address "
	       "falls back to the connected peer, so nothing returns EISCONN.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "sent to the given address" },
		{ "POSIX", "sendto(): sent to dest_addr, or [EISCONN]", "sent there or EISCONN" },
		{ "BSD", "Stevens UNP vol. 1 §8.11; udp_output() in 4.4BSD", "EISCONN" },
	},
	.run = run,
};
