// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.failed_connect_binds_port
 *
 * connect() binds an unbound UDP socket before it looks at the peer at all,
 * so a connect() that fails still leaves the socket holding an ephemeral
 * port: one whose address length is too short (EINVAL) and one to an
 * address no route leads to (ENETUNREACH).  The socket stays unconnected;
 * its address is the wildcard, the route's source is never taken.
 *
 * References: inet_dgram_connect() in net/ipv4/af_inet.c (inet_autobind()
 * before sk_prot->connect(); the AF_INET6 socket uses it too), then
 * __ip4_datagram_connect() in net/ipv4/datagram.c / __ip6_datagram_connect()
 * in net/ipv6/datagram.c fail; POSIX connect() says nothing of a failed
 * connect()'s side effects on a datagram socket.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr unroutable = addr_no_route(p, PORT_SERVER);
	struct sock *shorter = sock_open(p, HOST_CLIENT, "shorter");
	struct sock *unrouted = sock_open(p, HOST_CLIENT, "unrouted");

	expect_errno(p, sock_connect_len(p, shorter, addr_host(p, HOST_SERVER, PORT_SERVER), 8),
		     EINVAL);
	expect_addr(p, sock_getsockname(p, shorter), addr_wildcard(p, PORT_EPHEMERAL));
	expect_errno(p, sock_connect(p, unrouted, unroutable), ENETUNREACH);
	expect_addr(p, sock_getsockname(p, unrouted), addr_wildcard(p, PORT_EPHEMERAL));
	expect_errno(p, sock_getpeername(p, unrouted), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.failed_connect_binds_port",
	.sentence = "A connect() that fails with EINVAL or ENETUNREACH has still bound the "
		    "unbound UDP socket to the wildcard address and an ephemeral port.",
	.why = "inet_dgram_connect() calls inet_autobind() for a socket without a local port "
	       "before handing the address to ip4_datagram_connect() (ip6_datagram_connect()), "
	       "whose failure undoes nothing.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_dgram_connect() in net/ipv4/af_inet.c",
		  "error; bound to wildcard:ephemeral" },
		{ "POSIX", "connect(): no side effect of a failure is specified", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD checks the address before in_pcbbind()",
		  "error; still unbound" },
	},
	.run = run,
};
