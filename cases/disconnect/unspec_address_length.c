// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.unspec_address_length
 *
 * A disconnect needs nothing of the address but its family: an AF_UNSPEC
 * address of length 2 (just sa_family) disconnects; length 1, too short to
 * hold the family, is refused with EINVAL and leaves the socket connected.
 *
 * References: connect(2) EINVAL; inet_dgram_connect() in
 * net/ipv4/af_inet.c ("if (addr_len < sizeof(uaddr->sa_family)) return
 * -EINVAL;" before looking at AF_UNSPEC), the connect of IPv6 UDP sockets
 * too (inet6_dgram_ops); POSIX connect() [EINVAL] "address_len argument is
 * not a valid length".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, server));

	expect_errno(p, sock_connect_len(p, client, addr_unspec(), 1), EINVAL);
	expect_addr(p, sock_getpeername(p, client), server);
	expect_ok(p, sock_connect_len(p, client, addr_unspec(), sizeof(sa_family_t)));
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.disconnect.unspec_address_length",
	.sentence = "connect() with AF_UNSPEC disconnects a UDP socket with an address length "
		    "of 2 (the family alone); length 1 fails with EINVAL and changes nothing.",
	.why = "inet_dgram_connect() rejects an address shorter than sa_family "
	       "with EINVAL, then sends AF_UNSPEC to udp_disconnect() without "
	       "reading any further byte.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_dgram_connect() in net/ipv4/af_inet.c", "2 → 0, 1 → EINVAL" },
		{ "POSIX", "connect(): [EINVAL] invalid address_len; no minimum given",
		  "unspecified" },
		{ "BSD", "FreeBSD getsockaddr(): sa_len below offsetof(sa_data) is EINVAL",
		  "a longer minimum" },
	},
	.run = run,
};
