// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.rfc2133_sockaddr_in6_length_accepted
 *
 * An IPv6 socket accepts a sockaddr_in6 of 24 bytes, the length it had in
 * RFC 2133 before sin6_scope_id was appended (RFC 2553 made it 28): the
 * missing scope id counts as 0, and the socket connects.  Older programs
 * compiled with the short structure keep working.
 *
 * References: SIN6_LEN_RFC2133 in include/linux/in6.h; __ip6_datagram_connect()
 * in net/ipv6/datagram.c (addr_len >= SIN6_LEN_RFC2133 suffices; the scope id
 * is read only when addr_len >= sizeof(struct sockaddr_in6)); RFC 2133 §3.3,
 * RFC 2553 §3.3; POSIX <netinet/in.h> (sockaddr_in6 has sin6_scope_id).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	/* Everything up to and including sin6_addr; no sin6_scope_id. */
	socklen_t rfc2133_len = 24;
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect_len(p, client, server, rfc2133_len));
	expect_addr(p, sock_getpeername(p, client), server);
}

const struct rule rule = {
	.id = "udp.connect.rfc2133_sockaddr_in6_length_accepted",
	.sentence = "connect() on an IPv6 UDP socket accepts a 24-byte sockaddr_in6 without "
		    "sin6_scope_id, as RFC 2133 defined it.",
	.why = "__ip6_datagram_connect() only requires addr_len >= SIN6_LEN_RFC2133 (24) and "
	       "reads sin6_scope_id only when the full 28 bytes were given.",
	.families = FAM_IPV6 | FAM_MAPPED,
	.skip_why = "an IPv4 socket takes a sockaddr_in, which has no older, shorter form",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "SIN6_LEN_RFC2133; __ip6_datagram_connect() in net/ipv6/datagram.c", "0" },
		{ "POSIX", "connect(): [EINVAL] address_len not valid for the family; "
			   "the POSIX sockaddr_in6 has sin6_scope_id", "EINVAL" },
		{ "BSD", "KAME/BSD sockaddrs carry sin6_len, which must be sizeof(struct sockaddr_in6)",
		  "EINVAL" },
	},
	.run = run,
};
