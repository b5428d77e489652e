// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_no_route_enetunreach
 *
 * sendto() to an address no route leads to fails at once with ENETUNREACH:
 * the route lookup is part of the call, so the error is the call's own,
 * not a pending one for later (SO_ERROR is 0 after it), and the socket
 * can go on sending to reachable peers.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c (ip_route_output_flow()
 * failing: "err = PTR_ERR(rt) ... goto out"), udpv6_sendmsg() in
 * net/ipv6/udp.c (ip6_sk_dst_lookup_flow()); POSIX sendto()
 * [ENETUNREACH] "No route to the network is present"; quinn #1971.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr unroutable = addr_no_route(p, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_errno(p, sock_sendto(p, client, "nowhere", unroutable), ENETUNREACH);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_ok(p, sock_sendto(p, client, "somewhere", at_server));
	expect_datagram(p, sock_recv(p, server), "somewhere", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendto_no_route_enetunreach",
	.sentence = "sendto() on a UDP socket to an address without a route fails with "
		    "ENETUNREACH, leaves no pending error, and the next sendto() to a reachable "
		    "peer succeeds.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) looks the route up inside the call and "
	       "returns the lookup's -ENETUNREACH; sk_err is not touched.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "ENETUNREACH, then sent" },
		{ "POSIX", "sendto(): [ENETUNREACH]", "ENETUNREACH" },
		{ "BSD", "ip_output() in 4.4BSD: no route is ENETUNREACH (EHOSTUNREACH)",
		  "ENETUNREACH" },
	},
	.run = run,
};
