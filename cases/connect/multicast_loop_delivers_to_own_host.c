// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_loop_delivers_to_own_host
 *
 * Multicast loopback is on unless a program turns it off: what a UDP
 * socket connected to a group sends reaches a member of the group on the
 * sender's own host as well as one on another host, both from the
 * sender's address.  The local member joined before the sender connected,
 * so the route the sender keeps knows its host is a member.
 *
 * References: ip(7) IP_MULTICAST_LOOP "default is 1", ipv6(7)
 * IPV6_MULTICAST_LOOP; ip_mc_output() in net/ipv4/ip_output.c
 * (sk_mc_loop() and RTCF_LOCAL: a copy through dev_loopback_xmit()),
 * ip6_finish_output2() in net/ipv6/ip6_output.c; Stevens UNP vol. 1
 * §21.6.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr group = addr_group(p, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_EPHEMERAL);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *local = sock_open(p, HOST_CLIENT, "local");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group(p, server, group));
	must(p, sock_bind(p, local, addr_wildcard(p, PORT_SERVER)));
	must(p, mcast_join_group(p, local, group));
	must(p, mcast_if_index(p, client));
	must(p, sock_connect(p, client, group));
	expect_ok(p, sock_send(p, client, "to the group"));
	expect_datagram(p, sock_recv(p, server), "to the group", from_client);
	expect_datagram(p, sock_recv(p, local), "to the group", from_client);
}

const struct rule rule = {
	.id = "udp.connect.multicast_loop_delivers_to_own_host",
	.sentence = "By default what a UDP socket connected to a multicast group sends also "
		    "reaches a member of the group on its own host.",
	.why = "IP_MULTICAST_LOOP (IPV6_MULTICAST_LOOP) is 1 on a new socket; ip_mc_output() "
	       "(ip6_finish_output2()) loops a copy back through dev_loopback_xmit() when "
	       "sk_mc_loop() is true and the host has joined the group on that device.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_MULTICAST_LOOP default 1; ip_mc_output()",
		  "both members receive" },
		{ "POSIX", "IPV6_MULTICAST_LOOP (<netinet/in.h>): default 1", "both members receive" },
		{ "BSD", "Stevens UNP vol. 1 §21.6: loopback on by default", "both members receive" },
	},
	.run = run,
};
