// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.broadcast_needs_so_broadcast
 *
 * A UDP socket may not be connected to a broadcast address unless it has
 * asked for broadcast with SO_BROADCAST: connect() fails with EACCES, the
 * same answer sendto() gives, so that no program broadcasts by accident.
 * The link's broadcast address is 198.18.0.255 (topo.c sets it).
 *
 * IPv6 has no broadcast; its nearest relative, multicast, needs no
 * permission.
 *
 * References: socket(7) SO_BROADCAST; ip(7) "EACCES The user tried ... to
 * send to a broadcast address without having the broadcast flag set";
 * __ip4_datagram_connect() in net/ipv4/datagram.c (RTCF_BROADCAST without
 * SOCK_BROADCAST is -EACCES); Stevens UNP vol. 1 §20.2.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr broadcast = addr_broadcast(p, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_connect(p, client, broadcast), EACCES);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.broadcast_needs_so_broadcast",
	.sentence = "connect() of a UDP socket to a broadcast address fails with EACCES unless "
		    "SO_BROADCAST is set.",
	.why = "__ip4_datagram_connect() looks up the route and refuses one flagged "
	       "RTCF_BROADCAST with -EACCES when the socket lacks SOCK_BROADCAST, before "
	       "storing the peer.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no broadcast address",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) EACCES; __ip4_datagram_connect() in net/ipv4/datagram.c", "EACCES" },
		{ "POSIX", "connect() does not mention broadcast; sendto(): [EACCES] may be returned",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §20.2: EACCES without SO_BROADCAST (on sendto)",
		  "0; EACCES on send" },
	},
	.run = run,
};
