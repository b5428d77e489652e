// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.limited_broadcast_routed_stays_on_link
 *
 * The limited broadcast 255.255.255.255 that fails with ENETUNREACH when
 * no route covers it (udp.broadcast.limited_broadcast_unrouted_enetunreach)
 * goes out when one does: here the client's default route through the
 * router.  The kernel sends it on that route's device as a link-layer
 * broadcast, so the router, on that link, receives it; a router never
 * forwards a limited broadcast, so the server behind it does not.
 *
 * Proof of absence by ordering: after the broadcast the client sends the
 * server a unicast sentinel along the same path; had the router forwarded
 * the broadcast, the server would read it before the sentinel.
 *
 * References: RFC 919 §7 and RFC 1812 §5.3.5.1 (a limited broadcast is
 * never forwarded); ip_route_output_key_hash_rcu() in net/ipv4/route.c
 * (without a source address or oif, fib_lookup() chooses the device, and
 * ipv4_is_lbcast() makes the route RTN_BROADCAST); ip_route_input_slow()
 * (an incoming 255.255.255.255 is delivered locally, never forwarded).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_EPHEMERAL);
	struct sock *router = sock_open(p, HOST_ROUTER, "router");
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, router, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	expect_ok(p, sock_sendto(p, client, "to all", addr_limited_broadcast(p, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, router), "to all", from_client);
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.broadcast.limited_broadcast_routed_stays_on_link",
	.sentence = "sendto() to 255.255.255.255 from an unbound UDP socket with SO_BROADCAST "
		    "succeeds when a route (here the default route) covers that address; the "
		    "hosts on that route's link receive it, and no router forwards it.",
	.why = "ip_route_output_key_hash_rcu() lets fib_lookup() choose the device of a "
	       "limited broadcast that has no source address or oif, and marks the route "
	       "RTN_BROADCAST; the router's ip_route_input_slow() delivers an incoming "
	       "255.255.255.255 locally and never forwards it.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "ip_route_output_key_hash_rcu() in net/ipv4/route.c",
		  "sent on the route's link, not forwarded" },
		{ "POSIX", "SO_BROADCAST permits sending of broadcast messages", "sent" },
		{ "BSD", "RFC 1812 §5.3.5.1: a limited broadcast is not forwarded",
		  "sent on one link, not forwarded" },
	},
	.run = run,
};
