// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.wildcard_port_zero_bound_loses_port
 *
 * A socket bound to the wildcard with port 0 (what "open a UDP socket on
 * any port" does) has a port from the kernel, but not one it asked for:
 * after connect() and a disconnect it is bound to nothing at all,
 * getsockname() shows the wildcard with port 0, and the next connect()
 * picks a port afresh, which need not be the old one.  An application that
 * disconnects before connecting elsewhere changes its local port (erlang/otp
 * #5279).
 *
 * References: __udp_disconnect() in net/ipv4/udp.c (no SOCK_BINDPORT_LOCK:
 * "sk->sk_prot->unhash(sk); inet->inet_sport = 0;"; no SOCK_BINDADDR_LOCK:
 * inet_reset_saddr()); __inet_bind() sets neither lock for a wildcard
 * address and port 0; Stevens UNP vol. 1 §8.11 (BSD keeps the port).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, PORT_EPHEMERAL));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));

	expect_ok(p, sock_disconnect(p, client));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.disconnect.wildcard_port_zero_bound_loses_port",
	.sentence = "A UDP socket bound to the wildcard with port 0 is unbound (wildcard, port 0) "
		    "after connect and disconnect, and the next connect() picks a port afresh.",
	.why = "bind() to the wildcard and port 0 sets neither SOCK_BINDADDR_LOCK nor "
	       "SOCK_BINDPORT_LOCK, so __udp_disconnect() resets the address and unhashes the "
	       "socket with inet_sport 0, as if it had never been bound.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "wildcard, port 0" },
		{ "POSIX", "connect(): resetting the peer says nothing of the local port",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: the local port stays bound", "port kept" },
	},
	.run = run,
};
