// SPDX-License-Identifier: GPL-2.0-only
/* udp.dualstack.v6only_sendto_mapped_enetunreach
 *
 * The send side of IPV6_V6ONLY: sendto() an IPv4-mapped address from an
 * AF_INET6 socket that speaks IPv6 only fails with ENETUNREACH, and no
 * datagram leaves.
 *
 * References: udpv6_sendmsg() in net/ipv6/udp.c ("if
 * (ipv6_addr_v4mapped(daddr)) { ... if (__ipv6_only_sock(sk)) return
 * -ENETUNREACH;"); ipv6(7) IPV6_V6ONLY; RFC 3493 §5.3.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_set_int(p, client, SOCKOPT(IPPROTO_IPV6, IPV6_V6ONLY), 1));
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);
	expect_errno(p, sock_sendto(p, client, "to IPv4", addr_host(p, HOST_SERVER, PORT_SERVER)),
		     ENETUNREACH);
	expect_long(p, "datagrams the client sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
}

const struct rule rule = {
	.id = "udp.dualstack.v6only_sendto_mapped_enetunreach",
	.sentence = "sendto() an IPv4-mapped address on an AF_INET6 UDP socket with IPV6_V6ONLY fails "
		    "with ENETUNREACH and sends nothing.",
	.why = "udpv6_sendmsg() refuses a mapped destination on an IPv6-only socket with "
	       "-ENETUNREACH instead of handing it to udp_sendmsg().",
	.families = FAM_MAPPED,
	.skip_why = "Only IPv4-mapped destinations are affected by IPV6_V6ONLY.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udpv6_sendmsg() in net/ipv6/udp.c", "ENETUNREACH" },
		{ "POSIX", "IPV6_V6ONLY: IPv6 communication only", "an error" },
		{ "BSD", "FreeBSD udp6_send(): EINVAL for a mapped address on a V6ONLY socket",
		  "EINVAL" },
	},
	.run = run,
};
