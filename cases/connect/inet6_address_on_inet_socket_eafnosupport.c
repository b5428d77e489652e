// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.inet6_address_on_inet_socket_eafnosupport
 *
 * An IPv4 socket cannot be connected to an IPv6 address: connect() with an
 * AF_INET6 sockaddr (of full length) fails with EAFNOSUPPORT and the socket
 * stays unconnected.  (The other way round is allowed: see
 * udp.connect.inet_address_on_inet6_socket_connects_mapped.)
 *
 * References: connect(2) "EAFNOSUPPORT The passed address didn't have the
 * correct address family in its sa_family field"; __ip4_datagram_connect()
 * in net/ipv4/datagram.c (sin_family != AF_INET is -EAFNOSUPPORT); POSIX
 * connect() [EAFNOSUPPORT].
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_connect(p, client, addr_other_family(p, HOST_SERVER, PORT_SERVER)),
		     EAFNOSUPPORT);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.inet6_address_on_inet_socket_eafnosupport",
	.sentence = "connect() on an IPv4 UDP socket to an AF_INET6 address fails with "
		    "EAFNOSUPPORT.",
	.why = "__ip4_datagram_connect() checks sin_family after the length and answers "
	       "-EAFNOSUPPORT for anything but AF_INET (AF_UNSPEC was already turned into a "
	       "disconnect by inet_dgram_connect()).",
	.families = FAM_IPV4,
	.skip_why = "an IPv6 socket accepts AF_INET addresses: "
		    "udp.connect.inet_address_on_inet6_socket_connects_mapped",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "connect(2); __ip4_datagram_connect() in net/ipv4/datagram.c", "EAFNOSUPPORT" },
		{ "POSIX", "connect(): [EAFNOSUPPORT] not a valid address for the socket's family",
		  "EAFNOSUPPORT" },
		{ "BSD", "4.4BSD in_pcbconnect(): sin_family must be AF_INET "
		  "(TCP/IP Illustrated vol. 2 §22.8)", "EAFNOSUPPORT" },
	},
	.run = run,
};
