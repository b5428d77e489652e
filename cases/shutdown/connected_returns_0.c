// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.connected_returns_0
 *
 * A connected UDP socket can be shut down in each direction: shutdown()
 * with SHUT_RD, SHUT_WR or SHUT_RDWR returns 0.  UDP has no connection to
 * tear down and sends nothing; the call only records the direction in the
 * socket.
 *
 * References: POSIX shutdown(); inet_shutdown() in net/ipv4/af_inet.c (also
 * the shutdown of inet6_dgram_ops): a socket in TCP_ESTABLISHED, which
 * connect() gives a UDP socket, takes the default branch, sets sk_shutdown
 * and returns 0; Stevens UNP vol. 1 §6.6.
 */
#include "udpc.h"

#include <sys/socket.h>

static void run(struct probe *p)
{
	static const int hows[] = { SHUT_RD, SHUT_WR, SHUT_RDWR };
	static const char *const roles[] = { "reader", "writer", "both" };

	for (int i = 0; i < 3; i++) {
		struct sock *s = sock_open(p, HOST_CLIENT, roles[i]);
		must(p, sock_connect(p, s, addr_host(p, HOST_SERVER, PORT_SERVER)));
		expect_ok(p, sock_shutdown(p, s, hows[i]));
	}
}

const struct rule rule = {
	.id = "udp.shutdown.connected_returns_0",
	.sentence = "shutdown() with SHUT_RD, SHUT_WR or SHUT_RDWR on a connected UDP socket "
		    "returns 0.",
	.why = "connect() leaves a UDP socket in TCP_ESTABLISHED; inet_shutdown() then sets "
	       "the direction in sk_shutdown and returns 0 (UDP has no shutdown of its own).",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "0" },
		{ "POSIX", "shutdown(): shuts down part of a connection", "0" },
		{ "BSD", "Stevens UNP vol. 1 §6.6; FreeBSD soshutdown()", "0" },
	},
	.run = run,
};
