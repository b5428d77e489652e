// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_port_zero_einval
 *
 * Port 0 is not a destination.  sendto() to port 0 fails on Linux with
 * EINVAL before anything is sent.  4.4BSD fails the same call with
 * EADDRNOTAVAIL (in_pcbconnect()); POSIX lists no error for it.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (dport == 0) return
 * -EINVAL"), udpv6_sendmsg() in net/ipv6/udp.c ("if (sin6->sin6_port == 0)
 * return -EINVAL"); in_pcbconnect() in 4.4BSD; POSIX sendto().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_sendto(p, client, "port zero", addr_host(p, HOST_SERVER, 0)), EINVAL);
}

const struct rule rule = {
	.id = "udp.send.sendto_port_zero_einval",
	.sentence = "sendto() to port 0 on a UDP socket fails with EINVAL.",
	.why = "udp_sendmsg() (udpv6_sendmsg() for IPv6) checks the destination port "
	       "right after the address family and returns -EINVAL for 0.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EINVAL" },
		{ "POSIX", "sendto(): no error listed for port 0", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD", "EADDRNOTAVAIL" },
	},
	.run = run,
};
