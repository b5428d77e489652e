// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_other_family_eafnosupport
 *
 * sendto() on an IPv4 UDP socket with an AF_INET6 destination fails with
 * EAFNOSUPPORT and sends nothing (the server's first datagram is the
 * sentinel sent next, to its IPv4 address).  Only AF_INET, and AF_UNSPEC
 * read as AF_INET (udp.send.ipv4_af_unspec_destination_read_as_af_inet),
 * are destinations for it.
 *
 * IPv6 and mapped are not run: an AF_INET6 UDP socket does not take an
 * AF_INET destination either, but refuses it with EINVAL
 * (udpv6_sendmsg(): a sockaddr_in is shorter than SIN6_LEN_RFC2133),
 * which is udp.send.sendto_short_address_einval's claim.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (usin->sin_family !=
 * AF_INET) { if (usin->sin_family != AF_UNSPEC) return -EAFNOSUPPORT; }");
 * POSIX sendto() [EAFNOSUPPORT]; gVisor packetimpact TestUDP (IPv6
 * destination on an AF_INET socket).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_errno(p,
		     sock_sendto(p, client, "to IPv6", addr_other_family(p, HOST_SERVER, PORT_SERVER)),
		     EAFNOSUPPORT);
	must(p, sock_sendto(p, client, "sentinel", at_server));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendto_other_family_eafnosupport",
	.sentence = "sendto() on an IPv4 UDP socket to an AF_INET6 address fails with "
		    "EAFNOSUPPORT and sends nothing.",
	.why = "udp_sendmsg() accepts a msg_name of family AF_INET (or AF_UNSPEC, read as "
	       "AF_INET) and returns -EAFNOSUPPORT for any other before routing.",
	.families = FAM_IPV4,
	.skip_why = "an AF_INET6 UDP socket refuses a sockaddr_in destination as too short "
		    "(EINVAL), udp.send.sendto_short_address_einval",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EAFNOSUPPORT" },
		{ "POSIX", "sendto(): [EAFNOSUPPORT] address not usable with this socket",
		  "EAFNOSUPPORT" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: sin_family != AF_INET is EAFNOSUPPORT",
		  "EAFNOSUPPORT" },
	},
	.run = run,
};
