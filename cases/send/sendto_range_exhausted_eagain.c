// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_range_exhausted_eagain
 *
 * sendto() binds an unbound UDP socket first (udp.send.sendto_autobinds_
 * unbound); when the ephemeral range has no free port, that binding fails
 * and so does the sendto(), with EAGAIN, and nothing is sent.  The range
 * is cut down to one port (ip_local_port_range "40000 40000" in the
 * client's namespace) which a first socket holds; the server's first
 * datagram is the sentinel that socket sends next.
 *
 * References: inet_send_prepare() in net/ipv4/af_inet.c ("if
 * (inet_autobind(sk)) return -EAGAIN"), used by inet_sendmsg() and
 * inet6_sendmsg(); udp_lib_get_port() in net/ipv4/udp.c; ip(7)
 * ip_local_port_range; POSIX sendto() [EAGAIN] / [ENOBUFS].
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *first = sock_open(p, HOST_CLIENT, "first");
	struct sock *second = sock_open(p, HOST_CLIENT, "second");

	sysctl_host_set(p, HOST_CLIENT, "ipv4/ip_local_port_range", "40000 40000");
	must(p, sock_bind(p, server, peer));
	must(p, sock_bind(p, first, addr_wildcard(p, 0)));
	expect_errno(p, sock_sendto(p, second, "no port", peer), EAGAIN);
	expect_addr(p, sock_getsockname(p, second), addr_wildcard(p, 0));
	must(p, sock_sendto(p, first, "sentinel", peer));
	expect_datagram(p, sock_recv(p, server), "sentinel", addr_host(p, HOST_CLIENT, 40000));
}

const struct rule rule = {
	.id = "udp.send.sendto_range_exhausted_eagain",
	.sentence = "sendto() on an unbound UDP socket fails with EAGAIN and sends nothing when "
		    "every port of the ephemeral range is taken.",
	.why = "inet_send_prepare() autobinds a socket without a local port before "
	       "udp_sendmsg() (udpv6_sendmsg()) is reached and returns -EAGAIN when "
	       "inet_autobind() finds no free port.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_send_prepare() in net/ipv4/af_inet.c", "EAGAIN, nothing sent" },
		{ "POSIX", "sendto(): no error names an exhausted range", "unspecified" },
		{ "BSD", "in_pcbbind() in 4.4BSD: EADDRINUSE", "EADDRINUSE" },
	},
	.run = run,
};
