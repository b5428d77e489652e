// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.eafnosupport_connect_binds_port
 *
 * An IPv4 UDP socket asked to connect to an AF_INET6 address fails with
 * EAFNOSUPPORT (udp.connect.inet6_address_on_inet_socket_eafnosupport), and
 * yet it has been bound to an ephemeral port: the port is taken before the
 * family is looked at.
 *
 * IPv6 and mapped are not run: an AF_INET6 UDP socket accepts an AF_INET
 * address (it connects to the IPv4-mapped peer), so it has no family to
 * refuse here.
 *
 * References: inet_dgram_connect() in net/ipv4/af_inet.c (inet_autobind()
 * first), __ip4_datagram_connect() in net/ipv4/datagram.c ("if
 * (usin->sin_family != AF_INET) return -EAFNOSUPPORT"); POSIX connect()
 * [EAFNOSUPPORT].
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_connect(p, client, addr_other_family(p, HOST_SERVER, PORT_SERVER)),
		     EAFNOSUPPORT);
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.eafnosupport_connect_binds_port",
	.sentence = "A connect() of an IPv4 UDP socket that fails with EAFNOSUPPORT has still "
		    "bound it to an ephemeral port.",
	.why = "inet_dgram_connect() calls inet_autobind() before ip4_datagram_connect() "
	       "looks at sin_family and returns -EAFNOSUPPORT.",
	.families = FAM_IPV4,
	.skip_why = "an AF_INET6 UDP socket connects to an AF_INET address (as IPv4-mapped), "
		    "so there is no family for it to refuse",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_dgram_connect() in net/ipv4/af_inet.c",
		  "EAFNOSUPPORT; bound to an ephemeral port" },
		{ "POSIX", "connect(): [EAFNOSUPPORT]; no side effect specified", "EAFNOSUPPORT" },
		{ "BSD", "in_pcbconnect() in 4.4BSD checks the family before in_pcbbind()",
		  "EAFNOSUPPORT; still unbound" },
	},
	.run = run,
};
