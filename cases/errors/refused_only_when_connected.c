// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.refused_only_when_connected
 *
 * A datagram to a port where nothing listens makes the receiving host answer
 * with ICMP port unreachable.  Only a connected socket hears about it: its
 * next call fails with ECONNREFUSED.  An unconnected socket that sent the
 * same kind of datagram with sendto() is told nothing, because the kernel
 * cannot tell which of the socket's many destinations the error is about
 * (Stevens UNP vol. 1 §8.9: "asynchronous errors are not returned for UDP
 * sockets unless the socket has been connected").
 *
 * Proof that the unconnected socket's ICMP did arrive: it was sent first
 * over the same path as the connected socket's; the connected socket's error
 * proves the later one arrived, and the client's ICMP counter shows both.
 *
 * References: udp(7) "ERROR HANDLING"; __udp4_lib_err() in net/ipv4/udp.c,
 * __udp6_lib_err() in net/ipv6/udp.c; Stevens UNP vol. 1 §8.9, §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *unconnected = sock_open(p, HOST_CLIENT, "unconnected");
	struct sock *connected = sock_open(p, HOST_CLIENT, "connected");
	long unreachables = mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS);

	expect_ok(p, sock_sendto(p, unconnected, "first", closed));
	expect_ok(p, sock_connect(p, connected, closed));
	expect_ok(p, sock_send(p, connected, "second"));

	expect_errno(p, sock_recv(p, connected), ECONNREFUSED);
	expect_long(p, "ICMP destination unreachable received by client", 2,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS) - unreachables);
	expect_pending_error(p, sockopt_so_error(p, unconnected), 0);
	expect_errno(p, sock_recv_nowait(p, unconnected), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.refused_only_when_connected",
	.sentence = "An ICMP port unreachable becomes ECONNREFUSED on a connected "
		    "UDP socket and is not reported to an unconnected one.",
	.why = "__udp4_lib_err() (__udp6_lib_err() for IPv6) finds the socket "
	       "that sent the offending datagram and, unless IP_RECVERR is set, "
	       "records the error in sk_err only when the socket is in "
	       "TCP_ESTABLISHED, i.e. connected; otherwise it drops it.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; __udp4_lib_err()", "ECONNREFUSED only when connected" },
		{ "POSIX", "send()/recv(): [ECONNREFUSED] may be reported, no rule on which socket",
		  "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9, §8.11", "ECONNREFUSED only when connected" },
	},
	.run = run,
};
