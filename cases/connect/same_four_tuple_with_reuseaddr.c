// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.same_four_tuple_with_reuseaddr
 *
 * UDP keeps no table of 4-tuples in use: two sockets bound with
 * SO_REUSEADDR to the same address and port may both connect() to the same
 * peer, and both succeed and report that peer.  The peer's datagram then
 * goes to one of them only, the one bound and connected last, which
 * shadows the other; the first gets nothing (the datagram was delivered to
 * the second, so it cannot be in the first's queue).
 *
 * Which one wins is the lookup's order, not a promise: before v6.13 both
 * are found in the address-and-port hash, newest bound first
 * (udp_lib_get_port() adds at the head), and from v6.13 in the 4-tuple
 * hash, newest connected first (udp_lib_hash4()); bound and connected in
 * the same order, both say the second.
 *
 * References: udp_lib_get_port() in net/ipv4/udp.c (SO_REUSEADDR sharing);
 * __ip4_datagram_connect() in net/ipv4/datagram.c (no 4-tuple check);
 * __udp4_lib_lookup(), udp4_lib_lookup4(); envoy #37104; socket(7)
 * SO_REUSEADDR.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr shared = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *first = sock_open(p, HOST_CLIENT, "first");
	struct sock *second = sock_open(p, HOST_CLIENT, "second");

	must(p, sock_bind(p, server, peer));
	must(p, sockopt_set_int(p, first, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sockopt_set_int(p, second, SOCKOPT(SOL_SOCKET, SO_REUSEADDR), 1));
	must(p, sock_bind(p, first, shared));
	must(p, sock_bind(p, second, shared));
	expect_ok(p, sock_connect(p, first, peer));
	expect_ok(p, sock_connect(p, second, peer));
	expect_addr(p, sock_getpeername(p, first), peer);
	expect_addr(p, sock_getpeername(p, second), peer);

	expect_ok(p, sock_sendto(p, server, "to the 4-tuple", shared));
	expect_datagram(p, sock_recv(p, second), "to the 4-tuple", peer);
	expect_errno(p, sock_recv_nowait(p, first), EAGAIN);
}

const struct rule rule = {
	.id = "udp.connect.same_four_tuple_with_reuseaddr",
	.sentence = "Two UDP sockets bound with SO_REUSEADDR to one address and port can both "
		    "connect() to the same peer, whose datagrams then reach the one connected "
		    "last.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect()) never checks whether another "
	       "socket holds the same 4-tuple; the receive lookup returns the first of two "
	       "equal matches, the newest at the head of its hash chain.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect(); __udp4_lib_lookup() in net/ipv4/udp.c",
		  "both 0; the last gets the datagram" },
		{ "POSIX", "connect(): nothing on a shared local address", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: an existing 4-tuple is EADDRINUSE",
		  "EADDRINUSE" },
	},
	.run = run,
};
