// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.failed_sendto_still_binds_port
 *
 * sendto() binds an unbound UDP socket before the protocol looks at the
 * destination, so a sendto() that fails still leaves the socket holding
 * the wildcard address and an ephemeral port: one to port 0 (EINVAL) and
 * one to an address no route leads to (ENETUNREACH).
 *
 * References: inet_sendmsg() / inet6_sendmsg() and inet_send_prepare() in
 * net/ipv4/af_inet.c (inet_autobind() first), then udp_sendmsg() in
 * net/ipv4/udp.c ("if (dport == 0) return -EINVAL"; the route lookup's
 * -ENETUNREACH) or udpv6_sendmsg(); POSIX sendto() says nothing of a
 * failed call's side effects.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr unroutable = addr_no_route(p, PORT_SERVER);
	struct sock *to_port_zero = sock_open(p, HOST_CLIENT, "to_port_zero");
	struct sock *unrouted = sock_open(p, HOST_CLIENT, "unrouted");

	expect_errno(p, sock_sendto(p, to_port_zero, "port 0", addr_host(p, HOST_SERVER, 0)), EINVAL);
	expect_addr(p, sock_getsockname(p, to_port_zero), addr_wildcard(p, PORT_EPHEMERAL));
	expect_errno(p, sock_sendto(p, unrouted, "no route", unroutable), ENETUNREACH);
	expect_addr(p, sock_getsockname(p, unrouted), addr_wildcard(p, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.send.failed_sendto_still_binds_port",
	.sentence = "A sendto() that fails with EINVAL or ENETUNREACH has still bound the "
		    "unbound UDP socket to the wildcard address and an ephemeral port.",
	.why = "inet_send_prepare() calls inet_autobind() for a socket without a local port "
	       "before udp_sendmsg() (udpv6_sendmsg()) refuses port 0 or fails the route "
	       "lookup; the failure undoes nothing.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_send_prepare() in net/ipv4/af_inet.c",
		  "error; bound to wildcard:ephemeral" },
		{ "POSIX", "sendto(): no side effect of a failure is specified", "unspecified" },
		{ "BSD", "udp_output() in 4.4BSD: in_pcbconnect() fails before binding",
		  "error; still unbound" },
	},
	.run = run,
};
