// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.never_connected_returns_0
 *
 * Disconnecting a UDP socket that was never connected is not an error:
 * connect() with AF_UNSPEC returns 0 and the socket stays as it was,
 * unbound (no port is chosen for it on the way).
 *
 * References: connect(2) "AF_UNSPEC ... dissolve the association";
 * POSIX connect() ("the socket's peer address shall be reset");
 * inet_dgram_connect() in net/ipv4/af_inet.c hands AF_UNSPEC to
 * udp_disconnect() before it would autobind, and __udp_disconnect() in
 * net/ipv4/udp.c has no "not connected" case; Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_disconnect(p, client));
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.disconnect.never_connected_returns_0",
	.sentence = "connect() with AF_UNSPEC on a UDP socket that was never connected returns 0 "
		    "and leaves it unbound.",
	.why = "inet_dgram_connect() passes an AF_UNSPEC address to udp_disconnect() "
	       "before any autobind; __udp_disconnect() resets the (already empty) "
	       "peer and returns 0 whatever the socket's state.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "connect(2); __udp_disconnect() in net/ipv4/udp.c", "0, still unbound" },
		{ "POSIX", "connect(): AF_UNSPEC resets the peer address", "0" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: may return EAFNOSUPPORT", "0 or EAFNOSUPPORT" },
	},
	.run = run,
};
