// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.wildcard_port_zero_binds_loopback_no_peer
 *
 * connect() of an unbound UDP socket to the wildcard address with port 0
 * (0.0.0.0:0, [::]:0) succeeds.  The wildcard means this host, so the
 * socket is bound to the loopback address and an ephemeral port; port 0
 * means no peer, so getpeername() fails with ENOTCONN.
 *
 * References: __ip_route_output_key_hash() in net/ipv4/route.c (a zero
 * destination is 127.0.0.1), __ip6_datagram_connect() in
 * net/ipv6/datagram.c (:: becomes ::1); inet_getname() in
 * net/ipv4/af_inet.c (ENOTCONN while the peer's port is 0); gVisor
 * test/syscalls/linux/udp_socket.cc ConnectAnyZero; POSIX connect().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, client, addr_zero(p, 0)));
	expect_addr(p, sock_getsockname(p, client), addr_loopback(p, PORT_EPHEMERAL));
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.wildcard_port_zero_binds_loopback_no_peer",
	.sentence = "connect() of an unbound UDP socket to the wildcard address with port 0 "
		    "binds it to the loopback address and an ephemeral port, and leaves it "
		    "without a peer.",
	.why = "The route lookup turns the zero destination into the loopback address "
	       "(ip6_datagram_connect() turns :: into ::1), whose source address the socket "
	       "takes with an ephemeral port; inet_getname() answers -ENOTCONN because the "
	       "peer's port is 0.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip_route_output_key_hash(); inet_getname()",
		  "0; name loopback:ephemeral; getpeername ENOTCONN" },
		{ "POSIX", "connect(): says nothing of the wildcard or port 0", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: sin_port == 0 is EADDRNOTAVAIL",
		  "EADDRNOTAVAIL" },
	},
	.run = run,
};
