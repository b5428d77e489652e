// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.failed_connect_changes_nothing
 *
 * A connect() that fails leaves the socket as it was.  An unconnected socket
 * whose connect() to an unroutable address failed with ENETUNREACH has no
 * peer and still takes datagrams from anyone; a connected one keeps its peer:
 * getpeername() still names it.
 *
 * IPv6 stores the new peer (sk_v6_daddr, inet_dport) before the route lookup
 * and must put the old one back when the lookup fails.  Before 85cb73ff9b74
 * it did not, and the failed address kept filtering what the socket received.
 *
 * Proof of absence by ordering: after the stranger's datagram to the
 * unconnected socket, the server sends a sentinel to the connected one on
 * the same host; once the sentinel is read, the stranger's datagram was
 * either queued or dropped.
 *
 * References: __ip4_datagram_connect() in net/ipv4/datagram.c (returns the
 * route error before it writes the peer); __ip6_datagram_connect() in
 * net/ipv6/datagram.c ("Restore the socket peer info"); commit 85cb73ff9b74
 * ("net: ipv6: reset daddr and dport in sk if connect() fails"); POSIX
 * connect() "If connect() fails, the state of the socket is unspecified".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	/* Beyond every route of the client: its only prefix is the link's. */
	struct addr nowhere = addr_no_route(p, PORT_SERVER);
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_loner = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *loner = sock_open(p, HOST_CLIENT, "loner");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_bind(p, loner, at_loner));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_connect(p, client, at_server));

	expect_errno(p, sock_connect(p, client, nowhere), ENETUNREACH);
	expect_addr(p, sock_getpeername(p, client), at_server);

	expect_errno(p, sock_connect(p, loner, nowhere), ENETUNREACH);
	expect_ok(p, sock_sendto(p, stranger, "from a stranger", at_loner));
	must(p, sock_sendto(p, server, "sentinel", addr_host(p, HOST_CLIENT, PORT_OTHER)));
	expect_datagram(p, sock_recv(p, client), "sentinel", at_server);
	expect_datagram(p, sock_recv_nowait(p, loner), "from a stranger",
			addr_host(p, HOST_STRANGER, PORT_STRANGER));
}

const struct rule rule = {
	.id = "udp.connect.failed_connect_changes_nothing",
	.sentence = "A connect() that fails with ENETUNREACH leaves the UDP socket as it was: "
		    "an unconnected one still receives from anyone, a connected one keeps its peer.",
	.why = "__ip4_datagram_connect() returns the route error before it writes the peer; "
	       "__ip6_datagram_connect() writes sk_v6_daddr and inet_dport first and puts the "
	       "old values back when ip6_datagram_dst_update() fails.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__ip6_datagram_connect() in net/ipv6/datagram.c", "unchanged" },
		{ "POSIX", "connect(): if connect() fails, the state of the socket is unspecified",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: connect() checks for immediate errors",
		  "unchanged" },
	},
	.tags = {
		{ "linux-git", "85cb73ff9b74", "net: ipv6: reset daddr and dport in sk if connect() fails",
		  "v4.12" },
	},
	.run = run,
};
