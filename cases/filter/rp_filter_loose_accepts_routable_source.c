// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.rp_filter_loose_accepts_routable_source
 *
 * Loose reverse-path filtering (net.ipv4.conf.all.rp_filter = 2) only asks
 * whether the source is routable at all, through any interface: the
 * datagram strict mode drops (from 198.18.4.99, a first-link address,
 * arriving on the second link) is delivered to the client's socket, and
 * nothing is counted as filtered.
 *
 * References: ip-sysctl.rst rp_filter ("2 - Loose mode as defined in
 * RFC3704 Loose Reverse Path"); RFC 3704 §2.4; __fib_validate_source() in
 * net/ipv4/fib_frontend.c (rpf == 2: a route through another device is
 * accepted).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr to_client = addr_host_facing(p, HOST_CLIENT, HOST_STRANGER, PORT_SERVER);
	struct addr spoofed = addr_spare(p, HOST_SERVER, HOST_CLIENT, PORT_STRANGER);
	struct addr own = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *spoofer = sock_open(p, HOST_STRANGER, "spoofer");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	host_sysctl_set(p, HOST_CLIENT, "ipv4/conf/all/rp_filter", "2");
	host_addr_add(p, HOST_STRANGER, spoofed);
	must(p, sock_bind(p, client, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, spoofer, spoofed));
	must(p, sock_bind(p, stranger, own));
	long filtered = mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER);

	expect_ok(p, sock_sendto(p, spoofer, "from the wrong side", to_client));
	expect_ok(p, sock_sendto(p, stranger, "sentinel", to_client));
	expect_datagram(p, sock_recv(p, client), "from the wrong side", spoofed);
	expect_datagram(p, sock_recv(p, client), "sentinel", own);
	expect_long(p, "datagrams the client's reverse-path filter dropped", 0,
		    mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER) - filtered);
}

const struct rule rule = {
	.id = "udp.filter.rp_filter_loose_accepts_routable_source",
	.sentence = "With loose rp_filter, a UDP datagram from a source routed out of another "
		    "interface than the one it arrived on is delivered.",
	.why = "In loose mode __fib_validate_source() accepts any source the FIB has a "
	       "unicast route to, whatever its device.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no rp_filter sysctl (reverse-path checks are netfilter's rpfilter)",
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip-sysctl.rst rp_filter = 2; __fib_validate_source()",
		  "delivered, nothing filtered" },
		{ "POSIX", "not a socket matter", "not specified" },
		{ "BSD", "FreeBSD: no rp_filter", "delivered" },
	},
	.run = run,
};
