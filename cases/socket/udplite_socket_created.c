// SPDX-License-Identifier: GPL-2.0-only
/* udp.socket.udplite_socket_created
 *
 * UDP-Lite (RFC 3828) is UDP with a checksum that may cover only the start
 * of the datagram.  Linux has offered it since v2.6.20 as its own protocol
 * of SOCK_DGRAM: socket(AF_INET or AF_INET6, SOCK_DGRAM, IPPROTO_UDPLITE),
 * served by net/ipv4/udplite.c and net/ipv6/udplite.c on top of the UDP
 * code.  v7.1 removed it (d6e0f04bf22d): with no protocol registered for
 * IPPROTO_UDPLITE, inet_create() and inet6_create() find no entry in the
 * protocol switch for SOCK_DGRAM and fail with EPROTONOSUPPORT.
 *
 * References: udplite(7); RFC 3828; inet_create() in net/ipv4/af_inet.c,
 * inet6_create() in net/ipv6/af_inet6.c.
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/in.h>

static void run(struct probe *p)
{
	expect_ok(p, sock_socket_try(p, HOST_CLIENT, IPPROTO_UDPLITE, "IPPROTO_UDPLITE"));
}

const struct rule rule = {
	.id = "udp.socket.udplite_socket_created",
	.sentence = "socket(AF_INET or AF_INET6, SOCK_DGRAM, IPPROTO_UDPLITE) creates a UDP-Lite socket.",
	.why = "udplite4_register() and udplite6_register() add IPPROTO_UDPLITE to the "
	       "SOCK_DGRAM entries of the inet and inet6 protocol switches, which "
	       "inet_create() and inet6_create() search by type and protocol.",
	.families = FAM_IPV4 | FAM_IPV6,
	.skip_why = "the socket is made, not connected: a v4-mapped peer changes nothing",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udplite(7); net/ipv4/udplite.c up to v7.0", "0" },
		{ "POSIX", "socket(): [EPROTONOSUPPORT] protocol not supported", "not specified" },
		{ "BSD", "FreeBSD udplite(4), since 10.0", "0" },
	},
	.known = {
		.families = FAM_IPV4 | FAM_IPV6,
		.since = "v7.1",
		.kernels = "v7.1 and later (d6e0f04bf22d); v7.0 and older have UDP-Lite",
		.cause = "UDP-Lite was removed from the kernel: no protocol is registered for "
			 "IPPROTO_UDPLITE, so socket() is EPROTONOSUPPORT",
	},
	.tags = {
		{ "linux-git", "d6e0f04bf22d", "Merge branch 'udp-retire-udp-lite'", "v7.1" },
	},
	.run = run,
};
