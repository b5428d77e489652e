// SPDX-License-Identifier: GPL-2.0-only
/* udp.broadcast.sendto_needs_so_broadcast
 *
 * A datagram to a broadcast address needs SO_BROADCAST, also from sendto()
 * and also for 255.255.255.255: without it sendto() fails with EACCES
 * even where the send could otherwise go out (the socket is bound to its
 * host's address), and nothing is sent.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if ((rt->rt_flags &
 * RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST)) goto out" with
 * err = -EACCES); socket(7) SO_BROADCAST; LTP and gVisor send their
 * broadcasts with it set; issue 13 (with and without SO_BROADCAST).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);
	expect_errno(p, sock_sendto(p, client, "to all", addr_limited_broadcast(p, PORT_SERVER)),
		     EACCES);
	expect_errno(p, sock_sendto(p, client, "to all", addr_broadcast(p, PORT_SERVER)), EACCES);
	expect_long(p, "datagrams the client host sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
}

const struct rule rule = {
	.id = "udp.broadcast.sendto_needs_so_broadcast",
	.sentence = "sendto() from a UDP socket without SO_BROADCAST to 255.255.255.255 or to its "
		    "link's broadcast address fails with EACCES and sends nothing.",
	.why = "udp_sendmsg() fails with -EACCES when the route it got is RTCF_BROADCAST and "
	       "the socket lacks SOCK_BROADCAST.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EACCES" },
		{ "POSIX", "sendto(): SO_BROADCAST permits sending of broadcast messages", "not permitted" },
		{ "BSD", "ip_output(): EACCES without SO_BROADCAST", "EACCES" },
	},
	.run = run,
};
