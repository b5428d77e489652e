// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.specific_address_beats_wildcard_group
 *
 * SO_REUSEPORT lets a socket bound to the server's own address share a
 * port with members bound to the wildcard, but they are two groups, not
 * one: a datagram to the server's address always reaches the socket bound
 * to that address, and the wildcard group gets none, whichever was bound
 * first.  Port PORT_SERVER binds the address first and two wildcard
 * members after; port PORT_OTHER the wildcard members first.  Four third
 * parties (ports the kernel picks, so four different hashes) send to each.
 *
 * Proof of absence: the address-bound sockets are read first and hold all
 * four datagrams each; the wildcard members are then empty.
 *
 * References: socket(7) SO_REUSEPORT; udp_reuseport_add_sock() in
 * net/ipv4/udp.c (one group per exact address, inet_rcv_saddr_equal(...,
 * false)); __udp4_lib_lookup() looks up the destination address's slot
 * before the wildcard's, and compute_score() rejects a wildcard-bound
 * socket there (net/ipv6/udp.c likewise).
 */
#include "udpc.h"

#include <errno.h>

enum { SENDERS = 4 };

static struct sock *member(struct probe *p, const char *role, struct addr at)
{
	struct sock *s = sock_open(p, HOST_SERVER, role);

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sock_bind(p, s, at));
	return s;
}

static void expect_all(struct probe *p, struct sock *s, const char *payload)
{
	for (int i = 0; i < SENDERS; i++)
		expect_datagram(p, sock_recv(p, s), payload,
				addr_host(p, HOST_STRANGER, PORT_EPHEMERAL));
	expect_errno(p, sock_recv_nowait(p, s), EAGAIN);
}

static void run(struct probe *p)
{
	struct sock *first = member(p, "address_first", addr_host(p, HOST_SERVER, PORT_SERVER));
	struct sock *w1 = member(p, "wildcard_1", addr_wildcard(p, PORT_SERVER));
	struct sock *w2 = member(p, "wildcard_2", addr_wildcard(p, PORT_SERVER));
	struct sock *w3 = member(p, "wildcard_3", addr_wildcard(p, PORT_OTHER));
	struct sock *w4 = member(p, "wildcard_4", addr_wildcard(p, PORT_OTHER));
	struct sock *last = member(p, "address_last", addr_host(p, HOST_SERVER, PORT_OTHER));

	for (int i = 0; i < SENDERS; i++) {
		struct sock *s = sock_open(p, HOST_STRANGER, "third_party");
		expect_ok(p,
			  sock_sendto(p, s, "to the address", addr_host(p, HOST_SERVER, PORT_SERVER)));
		expect_ok(p, sock_sendto(p, s, "to the address too",
					 addr_host(p, HOST_SERVER, PORT_OTHER)));
	}

	expect_all(p, first, "to the address");
	expect_all(p, last, "to the address too");
	expect_errno(p, sock_recv_nowait(p, w1), EAGAIN);
	expect_errno(p, sock_recv_nowait(p, w2), EAGAIN);
	expect_errno(p, sock_recv_nowait(p, w3), EAGAIN);
	expect_errno(p, sock_recv_nowait(p, w4), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.specific_address_beats_wildcard_group",
	.sentence = "A UDP socket bound with SO_REUSEPORT to the host's address receives every "
		    "datagram sent to that address, before wildcard members of the same port, in "
		    "either order of binding.",
	.why = "udp_reuseport_add_sock() groups only sockets bound to the same address, and "
	       "__udp4_lib_lookup() (__udp6_lib_lookup()) tries the destination address's slot "
	       "before the wildcard's, returning the address-bound socket.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_REUSEPORT; __udp4_lib_lookup() in net/ipv4/udp.c",
		  "the address-bound socket" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD in_pcblookup_hash_locked(): exact local address before wildcard",
		  "the address-bound socket" },
	},
	.run = run,
};
