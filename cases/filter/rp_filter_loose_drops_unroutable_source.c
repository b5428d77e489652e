// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.rp_filter_loose_drops_unroutable_source
 *
 * Loose reverse-path filtering still drops a datagram from a source the
 * receiver has no route to at all: the stranger sends from 198.18.7.1,
 * which no route of the client covers (its two links are all it knows),
 * and the datagram is dropped and counted (TcpExt IPReversePathFilter),
 * while the stranger's sentinel from its own address, sent after it, is
 * delivered.  With rp_filter = 0 the same datagram would be delivered.
 *
 * References: ip-sysctl.rst rp_filter ("Loose mode ... each incoming
 * packet's source address is also tested against the FIB and if the
 * source address is not reachable via any interface the packet check will
 * fail"); RFC 3704 §2.4; __fib_validate_source() in
 * net/ipv4/fib_frontend.c (fib_lookup() fails: last_resort, rpf set:
 * -EXDEV).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr to_client = addr_host_facing(p, HOST_CLIENT, HOST_STRANGER, PORT_SERVER);
	struct addr unroutable = addr_no_route(p, PORT_STRANGER);
	struct addr own = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *spoofer = sock_open(p, HOST_STRANGER, "spoofer");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	host_sysctl_set(p, HOST_CLIENT, "ipv4/conf/all/rp_filter", "2");
	host_addr_add(p, HOST_STRANGER, unroutable);
	must(p, sock_bind(p, client, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, spoofer, unroutable));
	must(p, sock_bind(p, stranger, own));
	long filtered = mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER);

	expect_ok(p, sock_sendto(p, spoofer, "from nowhere", to_client));
	expect_ok(p, sock_sendto(p, stranger, "sentinel", to_client));
	expect_datagram(p, sock_recv(p, client), "sentinel", own);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_long(p, "datagrams the client's reverse-path filter dropped", 1,
		    mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER) - filtered);
}

const struct rule rule = {
	.id = "udp.filter.rp_filter_loose_drops_unroutable_source",
	.sentence = "With loose rp_filter, a UDP datagram from a source the receiver has no route "
		    "to is dropped before any socket sees it.",
	.why = "__fib_validate_source() finds no route for the source (fib_lookup() "
	       "fails) and, with rp_filter set, answers -EXDEV: ip_rcv_finish_core() "
	       "drops and counts it.",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no rp_filter sysctl (reverse-path checks are netfilter's rpfilter)",
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip-sysctl.rst rp_filter = 2; __fib_validate_source()",
		  "dropped, IPReversePathFilter + 1" },
		{ "POSIX", "not a socket matter", "not specified" },
		{ "BSD", "FreeBSD: no rp_filter", "delivered" },
	},
	.run = run,
};
