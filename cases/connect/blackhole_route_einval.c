// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.blackhole_route_einval
 *
 * connect() looks the route to the peer up, and a route can say no in
 * more ways than by its absence (ENETUNREACH,
 * udp.connect.no_route_enetunreach).  Toward a blackhole route (ip route add blackhole)
 * connect() fails with EINVAL: the errno is the route type's, and
 * the socket stays unconnected.  The route covers the plan's no-route
 * prefix, added by the rule in the client's namespace only.
 *
 * References: fib_props[] in net/ipv4/fib_semantics.c (RTN_BLACKHOLE:
 * -EINVAL), ip6_rt_type_to_error() in net/ipv6/route.c; __ip4_datagram_connect()
 * in net/ipv4/datagram.c and ip6_datagram_dst_update() in
 * net/ipv6/datagram.c (the lookup's error is connect()'s); ip-route(8);
 * unbound #431 ("udp connect failed: Permission denied").
 */
#include "udpc.h"

#include <errno.h>
#include <linux/rtnetlink.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	route_no_route_as(p, HOST_CLIENT, ROUTE_TYPE(RTN_BLACKHOLE));
	expect_errno(p, sock_connect(p, client, addr_no_route(p, PORT_SERVER)), EINVAL);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.blackhole_route_einval",
	.sentence = "connect() of a UDP socket toward a blackhole route (ip route add blackhole) fails with EINVAL.",
	.why = "The route lookup of ip4_datagram_connect() (ip6_datagram_connect()) finds a "
	       "route of type RTN_BLACKHOLE, whose error is -EINVAL, and "
	       "connect() returns it before storing the peer.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "fib_props[] in net/ipv4/fib_semantics.c", "EINVAL" },
		{ "POSIX", "connect(): [ENETUNREACH], [EHOSTUNREACH], [EACCES] may be returned",
		  "an error" },
		{ "BSD", "4.4BSD has no typed reject routes (RTF_REJECT: EHOSTUNREACH)",
		  "EHOSTUNREACH" },
	},
	.run = run,
};
