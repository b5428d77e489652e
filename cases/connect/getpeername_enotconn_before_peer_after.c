// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.getpeername_enotconn_before_peer_after
 *
 * getpeername() is how an application asks whether a UDP socket is
 * connected: before connect() it fails with ENOTCONN, after it returns
 * exactly the address and port given to connect().
 *
 * References: getpeername(2) "ENOTCONN The socket is not connected";
 * inet_getname() in net/ipv4/af_inet.c, inet6_getname() in
 * net/ipv6/af_inet6.c; POSIX getpeername(); Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	must(p, sock_connect(p, client, server));
	expect_addr(p, sock_getpeername(p, client), server);
}

const struct rule rule = {
	.id = "udp.connect.getpeername_enotconn_before_peer_after",
	.sentence = "getpeername() on a UDP socket fails with ENOTCONN before connect() and "
		    "returns the connected address and port after it.",
	.why = "inet_getname() (inet6_getname() for IPv6) answers ENOTCONN while the "
	       "socket has no destination port or is not in TCP_ESTABLISHED, the state "
	       "ip4_datagram_connect() sets together with the peer address.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "getpeername(2); inet_getname() in net/ipv4/af_inet.c",
		  "ENOTCONN, then the peer" },
		{ "POSIX", "getpeername(): [ENOTCONN] the socket is not connected",
		  "ENOTCONN, then the peer" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "ENOTCONN, then the peer" },
	},
	.run = run,
};
