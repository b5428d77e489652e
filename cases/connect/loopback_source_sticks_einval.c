// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.loopback_source_sticks_einval
 *
 * An unbound UDP socket connected to a loopback address takes a loopback
 * source (127.0.0.1, ::1) and keeps it (udp.connect.source_sticks_across_
 * reconnect).  connect() to a peer on the link afterwards cannot use that
 * source: the route lookup refuses a loopback source toward another
 * interface.  The socket stays connected to the first peer.
 *
 * IPv6 does not refuse: ip6_datagram_dst_update() finds the route to the
 * peer without checking the ::1 source against it, so the socket connects
 * and keeps [::1] as its address; what it sends then never arrives (the
 * send() succeeds, the server sees nothing).  A known divergence.
 *
 * References: __ip4_datagram_connect() in net/ipv4/datagram.c (the bound
 * inet_saddr goes into the route lookup), __mkroute_output()
 * in net/ipv4/route.c (a loopback saddr on a non-loopback device is
 * refused); ip6_datagram_dst_update() in net/ipv6/datagram.c; erlang/otp
 * #5092 (fixed in OTP by disconnecting first, PR #5343).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr local_peer = addr_loopback(p, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, client, local_peer));
	expect_addr(p, sock_getsockname(p, client), addr_loopback(p, PORT_EPHEMERAL));
	expect_errno(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)), EINVAL);
	expect_addr(p, sock_getpeername(p, client), local_peer);
}

const struct rule rule = {
	.id = "udp.connect.loopback_source_sticks_einval",
	.sentence = "A UDP socket that connect() gave a loopback source fails with EINVAL to "
		    "connect() to a peer on the link, and keeps its first peer.",
	.why = "The first connect() wrote the loopback source into inet_saddr; the second "
	       "passes it to the route lookup, which refuses a loopback source for a "
	       "non-loopback destination, before the peer is replaced.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__mkroute_output() in net/ipv4/route.c", "EINVAL" },
		{ "POSIX", "connect(): nothing on the source of a reconnect", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD keeps the bound local address",
		  "0 (source 127.0.0.1)" },
	},
	.known = {
		.families = FAM_IPV6,
		.kernels = "all through at least v6.18",
		.cause = "ip6_datagram_dst_update() in net/ipv6/datagram.c looks up the route with "
			 "the socket's ::1 source and accepts it for a global peer, where IPv4's "
			 "__mkroute_output() returns -EINVAL; the socket is connected "
			 "with source ::1 and its datagrams are lost",
	},
	.run = run,
};
