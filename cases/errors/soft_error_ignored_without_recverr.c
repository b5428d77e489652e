// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.soft_error_ignored_without_recverr
 *
 * Not every ICMP error becomes an error on a connected socket.  RFC 1122
 * calls "host unreachable" and "network unreachable" soft errors: a
 * router may find a route again a moment later, so the transport should
 * not give up.  Linux passes a soft error to a UDP socket only if the
 * socket asked for errors with IP_RECVERR (IPV6_RECVERR); without it the
 * error is dropped even on a connected socket.
 *
 * The router of the routed topology has no route to 198.18.9.0/24
 * (2001:db8:9::/64) and answers ICMP host unreachable (ICMPv6: no route).
 * Proof that it arrived: afterwards a second socket sends to a closed port
 * of the server along the same path, its ECONNREFUSED proves the later
 * ICMP arrived, and the client's counter shows both ICMP messages.  The
 * router sends one error to the client's address in this rule, as its
 * per-source rate limit (route/error_cost, not per namespace) requires.
 *
 * References: RFC 1122 §4.1.3.3, §3.2.2.1; udp(7) "ERROR HANDLING";
 * __udp4_lib_err() in net/ipv4/udp.c (icmp_err_convert[].fatal),
 * __udp6_lib_err() in net/ipv6/udp.c (icmpv6_err_convert()).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr nowhere = addr_unreachable(p, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");
	long unreachables = mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS);

	must(p, sock_connect(p, client, nowhere));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);
	expect_long(p, "ICMP destination unreachable received by client", 2,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS) - unreachables);

	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.soft_error_ignored_without_recverr",
	.sentence = "An ICMP host unreachable from a router (a soft error) is not reported to a "
		    "connected UDP socket that did not set IP_RECVERR.",
	.why = "__udp4_lib_err() takes harderr from icmp_err_convert[code].fatal, "
	       "0 for host and network unreachable, and without RECVERR stores an "
	       "error only if harderr is set and the socket is connected; "
	       "__udp6_lib_err() does the same with icmpv6_err_convert().",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; icmp_err_convert[] in net/ipv4/icmp.c",
		  "not reported" },
		{ "POSIX", "send()/recv(): [EHOSTUNREACH] may be returned", "unspecified" },
		{ "BSD", "FreeBSD udp_common_ctlinput(): inetctlerrmap gives EHOSTUNREACH",
		  "EHOSTUNREACH on a connected socket" },
	},
	.run = run,
};
