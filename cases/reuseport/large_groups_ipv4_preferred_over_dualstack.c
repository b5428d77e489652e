// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.large_groups_ipv4_preferred_over_dualstack
 *
 * udp.reuseport.ipv4_group_preferred_over_dualstack with more than ten
 * sockets on the port: six dual-stack AF_INET6 members bound to [::] first,
 * then six AF_INET members bound to 0.0.0.0.  Past ten sockets in the
 * port's slot, bind() checks the port through the address slots instead of
 * the port slot (udp_lib_get_port(): "hslot->count > 10"), the other path
 * kselftest reuseport_dualstack ("large") exercises.  An IPv4 datagram must
 * still reach the AF_INET group: its BPF program gives "0..." to its member
 * 0, and no dual-stack member holds anything.
 *
 * References: kselftest net/reuseport_dualstack.c; udp_lib_get_port(),
 * udp_lib_lport_inuse2() and udp4_lib_lookup2() in net/ipv4/udp.c
 * ("soreuseport: fix ordering for mixed v4/v6 sockets", d894ba18d4e4:
 * AF_INET6 reuseport sockets go to the tail of the slot).
 */
#include "udpc.h"

#include <errno.h>

enum { PER_FAMILY = 6 };

static struct sock *member(struct probe *p, bool ipv4, int i)
{
	const char *role = peer_role(ipv4 ? "ipv4_member" : "dualstack", i);
	struct sock *s = ipv4 ? sock_open_inet(p, HOST_SERVER, role) : sock_open(p, HOST_SERVER, role);

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p,
	     sock_bind(p, s, ipv4 ? addr_inet_wildcard(PORT_SERVER) : addr_wildcard(p, PORT_SERVER)));
	return s;
}

static void run(struct probe *p)
{
	struct sock *dual[PER_FAMILY], *inet[PER_FAMILY];

	for (int i = 0; i < PER_FAMILY; i++)
		dual[i] = member(p, false, i);
	for (int i = 0; i < PER_FAMILY; i++)
		inet[i] = member(p, true, i);
	must(p, sockopt_reuseport_cbpf_by_payload(p, inet[0]));

	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	must(p, sock_bind(p, stranger, addr_host(p, HOST_STRANGER, PORT_STRANGER)));
	expect_ok(p, sock_sendto(p, stranger, "0 IPv4", addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_datagram(p, sock_recv(p, inet[0]), "0 IPv4",
			addr_other_family(p, HOST_STRANGER, PORT_STRANGER));
	for (int i = 0; i < PER_FAMILY; i++)
		expect_errno(p, sock_recv_nowait(p, dual[i]), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.large_groups_ipv4_preferred_over_dualstack",
	.sentence = "With more than ten UDP sockets on a wildcard port, an IPv4 datagram still "
		    "reaches the AF_INET SO_REUSEPORT group rather than the dual-stack AF_INET6 "
		    "one bound before it.",
	.why = "udp_lib_get_port() puts AF_INET6 reuseport sockets at the tail of the address "
	       "slot and AF_INET ones at its head on either bind path, so udp4_lib_lookup2() "
	       "meets the AF_INET group first.",
	.families = FAM_MAPPED,
	.skip_why = "It needs an AF_INET group beside a dual-stack AF_INET6 group, and IPv4 "
		    "datagrams: only the mapped family has all three.",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "kselftest reuseport_dualstack (large); udp_lib_get_port()",
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
