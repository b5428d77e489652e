// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.reconnect_to_port_zero_forgets_peer
 *
 * A connected UDP socket connected again to port 0 succeeds and no longer
 * reports a peer: getpeername(), which returned the first peer, fails with
 * ENOTCONN.  The socket stays bound where the first connect() put it.
 *
 * References: __ip4_datagram_connect() in net/ipv4/datagram.c and
 * __ip6_datagram_connect() in net/ipv6/datagram.c (the new peer replaces
 * the old, port and all); inet_getname() in net/ipv4/af_inet.c; gVisor
 * test/syscalls/linux/udp_socket.cc ConnectToZeroPortConnected.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr bound = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, bound));
	must(p, sock_connect(p, client, peer));
	expect_addr(p, sock_getpeername(p, client), peer);
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, 0)));
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	expect_addr(p, sock_getsockname(p, client), bound);
}

const struct rule rule = {
	.id = "udp.connect.reconnect_to_port_zero_forgets_peer",
	.sentence = "connect() to port 0 on a connected UDP socket succeeds and getpeername() "
		    "then fails with ENOTCONN.",
	.why = "ip4_datagram_connect() (ip6_datagram_connect()) overwrites inet_daddr and "
	       "inet_dport with the new peer's, port 0 included, and inet_getname() "
	       "(inet6_getname()) answers -ENOTCONN while inet_dport is 0.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_getname() in net/ipv4/af_inet.c", "0; getpeername ENOTCONN" },
		{ "POSIX", "connect(): a new peer replaces the old", "unspecified for port 0" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: sin_port == 0 is EADDRNOTAVAIL",
		  "EADDRNOTAVAIL, old peer kept" },
	},
	.run = run,
};
