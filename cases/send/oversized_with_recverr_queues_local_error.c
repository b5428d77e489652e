// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.oversized_with_recverr_queues_local_error
 *
 * With IP_RECVERR (IPV6_RECVERR for IPv6) on, a send() too large for UDP
 * (udp.send.oversized_emsgsize) still fails with EMSGSIZE, and the error
 * queue also holds one entry about it: ee_errno EMSGSIZE from
 * SO_EE_ORIGIN_LOCAL (the host itself), type and code 0, no offender,
 * and ee_info the MTU of the route: lo's 65536 for IPv6, 65535 for IPv4,
 * because ipv4_mtu() caps a route's MTU at IP_MAX_MTU (0xFFFF).  The entry carries no
 * payload, and its msg_name is the destination.  An AF_INET6 socket
 * reads the entry of its IPv4 datagram as SOL_IPV6 / IPV6_RECVERR.
 *
 * References: ip(7) IP_RECVERR "SO_EE_ORIGIN_LOCAL"; ip_local_error() in
 * net/ipv4/ip_sockglue.c, called from __ip_append_data() in
 * net/ipv4/ip_output.c; ipv6_local_error() in net/ipv6/datagram.c, called
 * from __ip6_append_data(); ipv4_mtu() in net/ipv4/route.c (min(mtu,
 * IP_MAX_MTU)); ip_recv_error() / ipv6_recv_error().
 */
#include "udpc.h"

#include <errno.h>

static struct ee_want ee_emsgsize(struct probe *p)
{
	bool v4 = probe_family(p) == FAM_IPV4;

	return (struct ee_want){
		.cmsg_level = v4 ? SOL_IP : SOL_IPV6,
		.cmsg_type = v4 ? IP_RECVERR : IPV6_RECVERR,
		.err = EMSGSIZE,
		.origin = SO_EE_ORIGIN_LOCAL,
		.offender = addr_unspec(),
	};
}

static void run(struct probe *p)
{
	size_t largest = probe_family(p) == FAM_IPV6 ? 65527 : 65507;
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, peer));
	expect_errno(p, sock_send_size(p, client, largest + 1), EMSGSIZE);
	struct errq_msg m = errq_recv(p, client);
	expect_errqueue(p, m, ee_emsgsize(p));
	expect_long(p, "ee_info: the route's MTU", probe_family(p) == FAM_IPV6 ? 65536 : 65535,
		    (long)m.ee.ee_info);
	expect_addr(p, m.call, peer);
	expect_errno(p, errq_recv(p, client).call, EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.oversized_with_recverr_queues_local_error",
	.sentence = "With IP_RECVERR an oversized UDP send() fails with EMSGSIZE and queues one "
		    "local EMSGSIZE error carrying the MTU and the destination.",
	.why = "__ip_append_data() calls ip_local_error(sk, EMSGSIZE, daddr, dport, mtu) "
	       "before returning -EMSGSIZE (__ip6_append_data(): ipv6_local_error()), which "
	       "queues an skb of only the IP header, origin SO_EE_ORIGIN_LOCAL, ee_info the "
	       "MTU, when the socket asked for errors.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; ip_local_error() in net/ipv4/ip_sockglue.c",
		  "EMSGSIZE, one SO_EE_ORIGIN_LOCAL entry" },
		{ "POSIX", "no error queue", "EMSGSIZE only" },
		{ "BSD", "no error queue", "EMSGSIZE only" },
	},
	.run = run,
};
