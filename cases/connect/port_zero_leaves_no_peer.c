// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.port_zero_leaves_no_peer
 *
 * connect() to a peer whose port is 0 succeeds, on an unbound socket and on
 * a bound one alike, and does what connect() always does locally: the
 * unbound socket gets the route's source address and an ephemeral port,
 * the bound one keeps its address.  But the socket has no peer to report:
 * getpeername() fails with ENOTCONN, because inet_getname() treats a zero
 * destination port as "not connected".
 *
 * References: __ip4_datagram_connect() in net/ipv4/datagram.c and
 * __ip6_datagram_connect() in net/ipv6/datagram.c (no check of the port);
 * inet_getname() in net/ipv4/af_inet.c and inet6_getname() in
 * net/ipv6/af_inet6.c ("if (!inet->inet_dport ...) return -ENOTCONN");
 * gVisor test/syscalls/linux/udp_socket.cc ConnectToZeroPortUnbound,
 * ConnectToZeroPortBound; POSIX connect().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr port_zero = addr_host(p, HOST_SERVER, 0);
	struct addr bound = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *unbound = sock_open(p, HOST_CLIENT, "unbound");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, unbound, port_zero));
	expect_addr(p, sock_getsockname(p, unbound), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_errno(p, sock_getpeername(p, unbound), ENOTCONN);

	must(p, sock_bind(p, client, bound));
	expect_ok(p, sock_connect(p, client, port_zero));
	expect_addr(p, sock_getsockname(p, client), bound);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.port_zero_leaves_no_peer",
	.sentence = "connect() of a UDP socket to port 0 succeeds, bound or unbound, and "
		    "getpeername() then fails with ENOTCONN.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect()) stores the peer without "
	       "looking at its port and binds the socket as for any peer; inet_getname() "
	       "(inet6_getname()) answers -ENOTCONN while the peer's port is 0.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_getname() in net/ipv4/af_inet.c", "0; getpeername ENOTCONN" },
		{ "POSIX", "connect(): the peer address is set; nothing on port 0", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: sin_port == 0 is EADDRNOTAVAIL",
		  "EADDRNOTAVAIL" },
	},
	.run = run,
};
