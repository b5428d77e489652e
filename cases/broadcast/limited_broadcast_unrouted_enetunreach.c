// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.limited_broadcast_unrouted_enetunreach
 *
 * 255.255.255.255, the limited broadcast, belongs to no subnet, so the
 * kernel needs something to tell it which link to send on.  A socket with
 * SO_BROADCAST but neither bound to a local address nor to a device, on a
 * host whose routes cover only its own link, gets ENETUNREACH from
 * sendto(): nothing leaves the host.
 *
 * References: gVisor test/packetimpact/tests/udp_socket_send_recv_test.go
 * (Send: 255.255.255.255 without SO_BINDTODEVICE and not bound to the
 * host's address -> ENETUNREACH); ip_route_output_key_hash_rcu() in
 * net/ipv4/route.c (only a source address or an oif picks the device for
 * a limited broadcast; otherwise fib_lookup() finds no route); issue 13
 * (255.255.255.255 with and without a covering route).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);

	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_SOCKET, SO_BROADCAST), 1));
	expect_errno(p, sock_sendto(p, client, "to all", addr_limited_broadcast(p, PORT_SERVER)),
		     ENETUNREACH);
	expect_long(p, "datagrams the client host sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
}

const struct rule rule = {
	.id = "udp.broadcast.limited_broadcast_unrouted_enetunreach",
	.sentence = "sendto() to 255.255.255.255 from a UDP socket with SO_BROADCAST that is bound "
		    "to neither a local address nor a device fails with ENETUNREACH when no route "
		    "covers that address, and sends nothing.",
	.why = "ip_route_output_key_hash_rcu() picks the device of a limited broadcast from "
	       "the flow's source address or oif; with neither it asks fib_lookup(), which has "
	       "no route to 255.255.255.255 when only the link's subnet is routed.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip_route_output_key_hash_rcu() in net/ipv4/route.c", "ENETUNREACH" },
		{ "POSIX", "sendto(): [ENETUNREACH] no route to the network", "ENETUNREACH" },
		{ "BSD", "ip_output(): INADDR_BROADCAST goes out the first broadcast interface", "sent" },
	},
	.run = run,
};
