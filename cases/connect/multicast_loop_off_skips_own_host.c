// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.multicast_loop_off_skips_own_host
 *
 * With multicast loopback turned off (IP_MULTICAST_LOOP 0 on an AF_INET
 * socket, IPV6_MULTICAST_LOOP 0 on an AF_INET6 one), what a UDP socket
 * connected to a group sends reaches members on other hosts only: the
 * member on the sender's own host gets nothing.  Proof by ordering: a
 * unicast sentinel sent to that member afterwards is the first datagram
 * it reads.  An AF_INET6 socket sending to an IPv4-mapped group obeys the
 * IPv6 option: sk_mc_loop() reads the flag of the socket's family.
 *
 * References: ip(7) IP_MULTICAST_LOOP, ipv6(7) IPV6_MULTICAST_LOOP;
 * sk_mc_loop() in net/core/sock.c; ip_mc_output() in net/ipv4/ip_output.c,
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
	expect_ok(p, mcast_loop(p, client, 0));
	must(p, sock_connect(p, client, group));
	expect_ok(p, sock_send(p, client, "to the group"));
	expect_datagram(p, sock_recv(p, server), "to the group", from_client);
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_CLIENT, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, local), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.connect.multicast_loop_off_skips_own_host",
	.sentence = "With multicast loopback off, what a UDP socket connected to a multicast "
		    "group sends reaches members on other hosts but not one on its own host.",
	.why = "sk_mc_loop() answers the socket family's flag (IP_MULTICAST_LOOP, "
	       "IPV6_MULTICAST_LOOP); when it is 0 ip_mc_output() (ip6_finish_output2()) "
	       "sends the datagram out without the looped-back copy.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_MULTICAST_LOOP; sk_mc_loop() in net/core/sock.c",
		  "remote member only" },
		{ "POSIX", "IPV6_MULTICAST_LOOP (<netinet/in.h>)", "remote member only" },
		{ "BSD", "Stevens UNP vol. 1 §21.6", "remote member only" },
	},
	.run = run,
};
