// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.short_addrlen_einval
 *
 * The address length passed to connect() must cover the address: a length
 * that declares only the family and the port, not the address after them,
 * is refused with EINVAL.  The kernel does not guess the missing bytes.
 *
 * The floor is the family's smallest sockaddr: 16 bytes (sockaddr_in) for
 * IPv4, 24 (the RFC 2133 sockaddr_in6, without sin6_scope_id) for IPv6;
 * udp.connect.rfc2133_sockaddr_in6_length_accepted shows the second.
 *
 * References: connect(2) "EINVAL"; __ip4_datagram_connect() in
 * net/ipv4/datagram.c (addr_len < sizeof(struct sockaddr_in)),
 * __ip6_datagram_connect() in net/ipv6/datagram.c (addr_len <
 * SIN6_LEN_RFC2133), udp_pre_connect() / udpv6_pre_connect(); POSIX
 * connect() [EINVAL] "address_len is not a valid length for the family".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	/* sa_family and the port: the 2 + 2 bytes both families start with. */
	socklen_t family_and_port = sizeof(sa_family_t) + sizeof(in_port_t);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(
		p, sock_connect_len(p, client, addr_host(p, HOST_SERVER, PORT_SERVER), family_and_port),
		EINVAL);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.connect.short_addrlen_einval",
	.sentence = "connect() on a UDP socket with an address length that stops before the "
		    "address itself fails with EINVAL.",
	.why = "__ip4_datagram_connect() refuses addr_len < sizeof(struct sockaddr_in) and "
	       "__ip6_datagram_connect() addr_len < SIN6_LEN_RFC2133 with -EINVAL, before "
	       "reading the address.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "connect(2); __ip4_datagram_connect() in net/ipv4/datagram.c", "EINVAL" },
		{ "POSIX", "connect(): [EINVAL] address_len is not a valid length", "EINVAL" },
		{ "BSD", "4.4BSD in_pcbconnect(): the length must be sizeof(struct sockaddr_in) "
		  "(TCP/IP Illustrated vol. 2 §22.8)", "EINVAL" },
	},
	.run = run,
};
