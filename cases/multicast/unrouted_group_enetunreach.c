// SPDX-License-Identifier: GPL-2.0-only
/* udp.multicast.unrouted_group_enetunreach
 *
 * A datagram to an IPv4 multicast group needs a device to go out on.
 * Without IP_MULTICAST_IF, SO_BINDTODEVICE or a bound local address the
 * kernel looks the group up in the routing table, and on a host whose
 * routes cover only its own link there is no route: sendto() fails with
 * ENETUNREACH and nothing is sent.  Bound to one of the host's addresses,
 * the same kind of socket sends on that address's device, and a member on
 * the link receives the datagram.
 *
 * The group is 233.252.0.1, in MCAST-TEST-NET (233.252.0.0/24, RFC 5771
 * §9.2), the documentation range for IPv4 multicast.  The member joins on
 * its own address, which needs no route either.
 *
 * References: gVisor test/packetimpact/tests/udp_socket_send_recv_test.go
 * (Send: 224.0.0.1 without SO_BINDTODEVICE and not bound to the host's
 * address -> ENETUNREACH); udp_sendmsg() in net/ipv4/udp.c (ipc.oif from
 * IP_MULTICAST_IF, the source from the bound address);
 * ip_route_output_key_hash_rcu() in net/ipv4/route.c (a multicast
 * destination with a source address and no oif takes the source's
 * device); ip(7) IP_MULTICAST_IF, IP_ADD_MEMBERSHIP.
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr group = addr_group(p, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *unbound = sock_open(p, HOST_CLIENT, "unbound");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group_on(p, server, group, addr_host(p, HOST_SERVER, 0)));
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);
	expect_errno(p, sock_sendto(p, unbound, "to the group", group), ENETUNREACH);
	expect_long(p, "datagrams the client host sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
	must(p, sock_bind(p, client, at_client));
	expect_ok(p, sock_sendto(p, client, "to the group", group));
	expect_datagram(p, sock_recv(p, server), "to the group", at_client);
}

const struct rule rule = {
	.id = "udp.multicast.unrouted_group_enetunreach",
	.sentence = "sendto() to an IPv4 multicast group from a UDP socket with no multicast "
		    "interface, device or bound address fails with ENETUNREACH when no route covers "
		    "the group, while a socket bound to a local address reaches the group's members "
		    "on that address's link.",
	.why = "udp_sendmsg() takes the output device from IP_MULTICAST_IF or SO_BINDTODEVICE "
	       "and the source from the bound address; with neither, "
	       "ip_route_output_key_hash_rcu() needs a route to the group, and with a source "
	       "address it uses that address's device instead (__ip_dev_find()).",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "an IPv6 link always routes ff00::/8, so an IPv6 group is never unrouted",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip_route_output_key_hash_rcu() in net/ipv4/route.c",
		  "ENETUNREACH; sent when bound" },
		{ "POSIX", "sendto(): [ENETUNREACH] no route to the network", "ENETUNREACH" },
		{ "BSD", "ip_output(): the multicast interface comes from the route", "no route: error" },
	},
	.run = run,
};
