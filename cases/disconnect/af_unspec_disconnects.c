/* udp.disconnect.af_unspec_disconnects
 *
 * connect() with an address whose family is AF_UNSPEC dissolves the
 * association: the call returns 0, the socket has no peer any more
 * (getpeername() says ENOTCONN, send() says EDESTADDRREQ) and datagrams from
 * any sender are delivered to it again.
 *
 * IPv6 does not quite get there: __udp_disconnect() clears the IPv4 peer
 * (inet_daddr, inet_dport) but not sk_v6_daddr, and the IPv6 receive lookup
 * (compute_score() in net/ipv6/udp.c) still rejects every source address but
 * the old peer's.  Datagrams from a third host stay filtered.
 *
 * References: connect(2) "dissolve the association"; udp_disconnect() and
 * __udp_disconnect() in net/ipv4/udp.c (shared by IPv6); Stevens UNP vol. 1
 * §8.11 (which allows EAFNOSUPPORT for it).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *server = sock_open(p, HOST_SERVER, "server");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));

	expect_ok(p, sock_disconnect(p, client));
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	expect_errno(p, sock_send(p, client, "ping"), EDESTADDRREQ);
	/* The old peer's sentinel, sent after, is delivered in any case: if the
	 * stranger's datagram was dropped, it is what the first read returns. */
	expect_ok(p, sock_sendto(p, stranger, "hello", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_sendto(p, server, "sentinel", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, sock_recv(p, client), "hello", addr_host(p, HOST_STRANGER, PORT_STRANGER));
}

const struct rule rule = {
	.id = "udp.disconnect.af_unspec_disconnects",
	.sentence = "connect() with AF_UNSPEC returns 0 and leaves the socket with no peer, "
		    "so send() fails and datagrams from anyone are delivered again.",
	.why = "inet_dgram_connect() sends an AF_UNSPEC address to udp_disconnect(), "
	       "which clears the destination, sets the state back to TCP_CLOSE and "
	       "rehashes the socket, so the receive lookup matches any source again.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "connect(2); __udp_disconnect() in net/ipv4/udp.c", "0" },
		{ "POSIX", "connect(): a null address (AF_UNSPEC) resets the peer", "0" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: may return EAFNOSUPPORT, which is fine",
		  "0 or EAFNOSUPPORT" },
	},
	.known = {
		.families = FAM_IPV6,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "__udp_disconnect() in net/ipv4/udp.c leaves sk_v6_daddr set, so "
			 "compute_score() in net/ipv6/udp.c keeps filtering on the old peer address",
	},
	.run = run,
};
