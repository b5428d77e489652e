// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.implicit_port_released
 *
 * What disconnect keeps follows what the application fixed with bind(), part
 * by part.  A socket bound to an explicit address with port 0 got its port
 * from the kernel: after connect() and disconnect, the address stays but the
 * port is released, and getsockname() shows the address with port 0.
 * (An unbound socket loses both, see udp.connect.local_address_set_and_reset.)
 *
 * References: __udp_disconnect() in net/ipv4/udp.c: "if (!(sk->sk_userlocks
 * & SOCK_BINDPORT_LOCK)) { sk->sk_prot->unhash(sk); inet->inet_sport = 0; }",
 * and inet_bind_sk() (__inet_bind()) sets SOCK_BINDPORT_LOCK only for a
 * non-zero port, SOCK_BINDADDR_LOCK for a non-wildcard address; Stevens UNP
 * vol. 1 §8.11 (BSD keeps the port).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, 0)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));

	expect_ok(p, sock_disconnect(p, client));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, 0));
}

const struct rule rule = {
	.id = "udp.disconnect.implicit_port_released",
	.sentence = "A UDP socket bound to an address with port 0 keeps the address but loses "
		    "its kernel-chosen port when it disconnects.",
	.why = "__udp_disconnect() unhashes the socket and zeroes inet_sport unless "
	       "SOCK_BINDPORT_LOCK is set, which bind() sets only for a non-zero "
	       "port; SOCK_BINDADDR_LOCK keeps the bound address.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "address kept, port 0" },
		{ "POSIX", "connect(): resetting the peer says nothing of the local port",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: the local port stays bound", "port kept" },
	},
	.run = run,
};
