// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.ipv4_group_preferred_over_dualstack
 *
 * An AF_INET group and a dual-stack AF_INET6 group (bound to ::, so it
 * hears IPv4 too) can share a wildcard port with SO_REUSEPORT.  An IPv4
 * datagram goes to the AF_INET group, never to the dual-stack one, in
 * either order of creation: port PORT_SERVER binds the IPv4 members first,
 * port PORT_OTHER the IPv6 ones first.  The IPv4 groups' choice is fixed
 * by a classic BPF program (member 0 for a "0..." datagram), so where each
 * datagram lands does not depend on a hash; three third parties (three
 * 4-tuples) send to each port.
 *
 * Why it holds: compute_score() gives an AF_INET socket one point more than
 * an AF_INET6 one, but the group lookup returns the first group it meets in
 * the wildcard slot without comparing scores; udp_lib_get_port() therefore
 * puts AF_INET6 reuseport sockets at the slot's tail and AF_INET ones at
 * its head ("soreuseport: fix ordering for mixed v4/v6 sockets",
 * d894ba18d4e4).
 *
 * References: kselftest net/reuseport_dualstack.c; udp_lib_get_port(),
 * compute_score(), udp4_lib_lookup2() in net/ipv4/udp.c; socket(7)
 * SO_REUSEPORT; ipv6(7) IPV6_V6ONLY (off here).
 */
#include "udpc.h"

#include <errno.h>

static struct sock *member(struct probe *p, const char *role, bool ipv4, int port)
{
	struct sock *s = ipv4 ? sock_open_inet(p, HOST_SERVER, role) : sock_open(p, HOST_SERVER, role);

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sock_bind(p, s, ipv4 ? addr_inet_wildcard(port) : addr_wildcard(p, port)));
	return s;
}

static void run(struct probe *p)
{
	struct sock *v4_first = member(p, "ipv4_member_0", true, PORT_SERVER);
	struct sock *v4_second = member(p, "ipv4_member_1", true, PORT_SERVER);
	struct sock *v6_late_1 = member(p, "dualstack_1", false, PORT_SERVER);
	struct sock *v6_late_2 = member(p, "dualstack_2", false, PORT_SERVER);
	struct sock *v6_early_1 = member(p, "dualstack_3", false, PORT_OTHER);
	struct sock *v6_early_2 = member(p, "dualstack_4", false, PORT_OTHER);
	struct sock *v4_late = member(p, "ipv4_member_0_late", true, PORT_OTHER);
	struct sock *v4_late_second = member(p, "ipv4_member_1_late", true, PORT_OTHER);
	struct sock *const quiet[] = { v4_second,  v6_late_1,  v6_late_2,
				       v6_early_1, v6_early_2, v4_late_second };

	must(p, sockopt_reuseport_cbpf_by_payload(p, v4_first));
	must(p, sockopt_reuseport_cbpf_by_payload(p, v4_late));
	for (int i = 0; i < 3; i++) {
		struct sock *s = sock_open(p, HOST_STRANGER, "third_party");
		expect_ok(p, sock_sendto(p, s, "0 IPv4", addr_host(p, HOST_SERVER, PORT_SERVER)));
		expect_ok(p, sock_sendto(p, s, "0 IPv4 too", addr_host(p, HOST_SERVER, PORT_OTHER)));
	}

	for (int i = 0; i < 3; i++) {
		struct addr from = addr_other_family(p, HOST_STRANGER, PORT_EPHEMERAL);
		expect_datagram(p, sock_recv(p, v4_first), "0 IPv4", from);
		expect_datagram(p, sock_recv(p, v4_late), "0 IPv4 too", from);
	}
	for (size_t i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++)
		expect_errno(p, sock_recv_nowait(p, quiet[i]), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.ipv4_group_preferred_over_dualstack",
	.sentence = "An IPv4 datagram to a wildcard port shared by an AF_INET and a dual-stack "
		    "AF_INET6 SO_REUSEPORT group reaches the AF_INET group, in either order of "
		    "creation.",
	.why = "AF_INET sockets score higher in compute_score(), and udp_lib_get_port() keeps "
	       "them ahead of AF_INET6 reuseport sockets in the slot, so the first group "
	       "udp4_lib_lookup2() meets is the AF_INET one.",
	.families = FAM_MAPPED,
	.skip_why = "It needs an AF_INET group beside a dual-stack AF_INET6 group, and IPv4 "
		    "datagrams: only the mapped family has all three.",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "kselftest reuseport_dualstack; udp_lib_get_port() in net/ipv4/udp.c",
		  "the AF_INET group" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD: IPv4 PCBs are looked up before mapped IPv6 ones",
		  "the AF_INET group" },
	},
	.tags = {
		{ "linux-git", "d894ba18d4e4", "soreuseport: fix ordering for mixed v4/v6 sockets",
		  "v4.6" },
	},
	.run = run,
};
