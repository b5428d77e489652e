// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.rp_filter_strict_drops_wrong_interface
 *
 * Strict reverse-path filtering (net.ipv4.conf.all.rp_filter = 1) drops a
 * datagram whose source the receiver would not route back out of the
 * interface it came in on.  The client sits on two links; the stranger,
 * on the second, sends from 198.18.4.99, an address of the first link's
 * subnet.  That datagram never reaches the client's socket, and the
 * client counts it (TcpExt IPReversePathFilter); the stranger's datagram
 * from its own address, sent after it, is delivered.
 *
 * Absence by ordering: the sentinel is the first datagram the client
 * reads, and nothing follows it.
 *
 * References: ip-sysctl.rst rp_filter ("1 - Strict mode as defined in
 * RFC3704 Strict Reverse Path"); RFC 3704 §2.2; fib_validate_source() ->
 * __fib_validate_source() in net/ipv4/fib_frontend.c (-EXDEV),
 * ip_rcv_finish_core() in net/ipv4/ip_input.c (LINUX_MIB_IPRPFILTER).
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

	host_sysctl_set(p, HOST_CLIENT, "ipv4/conf/all/rp_filter", "1");
	host_addr_add(p, HOST_STRANGER, spoofed);
	must(p, sock_bind(p, client, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, spoofer, spoofed));
	must(p, sock_bind(p, stranger, own));
	long filtered = mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER);

	expect_ok(p, sock_sendto(p, spoofer, "from the wrong side", to_client));
	expect_ok(p, sock_sendto(p, stranger, "sentinel", to_client));
	expect_datagram(p, sock_recv(p, client), "sentinel", own);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_long(p, "datagrams the client's reverse-path filter dropped", 1,
		    mib_read(p, HOST_CLIENT, MIB_IP_REVERSE_PATH_FILTER) - filtered);
}

const struct rule rule = {
	.id = "udp.filter.rp_filter_strict_drops_wrong_interface",
	.sentence = "With strict rp_filter, a UDP datagram whose source is routed out of another "
		    "interface than the one it arrived on is dropped before any socket sees it.",
	.why = "ip_route_input_slow() calls fib_validate_source(); in strict mode the "
	       "route back to the source must leave by the incoming device, else -EXDEV, "
	       "counted as IPReversePathFilter by ip_rcv_finish_core().",
	.families = FAM_IPV4 | FAM_MAPPED,
	.skip_why = "IPv6 has no rp_filter sysctl (reverse-path checks are netfilter's rpfilter)",
	.topology = TOPO_TWO_LINKS,
	.outcomes = {
		{ "Linux", "ip-sysctl.rst rp_filter = 1; __fib_validate_source()",
		  "dropped, IPReversePathFilter + 1" },
		{ "POSIX", "not a socket matter", "not specified" },
		{ "BSD", "FreeBSD: no rp_filter (ipfw verrevpath, uRPF)", "delivered" },
	},
	.run = run,
};
