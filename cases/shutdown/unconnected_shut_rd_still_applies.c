// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.unconnected_shut_rd_still_applies
 *
 * shutdown(SHUT_RD) on a UDP socket that is not connected fails with
 * ENOTCONN, and yet the socket is shut for reading all the same: a blocking
 * recvfrom() returns 0 at once instead of waiting for a datagram.  Linux
 * records the direction before it reports the error, on purpose: the
 * comment calls it a hack to wake up pollers of unconnected UDP sockets.
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c ("case TCP_CLOSE: err =
 * -ENOTCONN; /" "* Hack to wake up other listeners, who can poll for
 * EPOLLHUP, even on eg. unconnected UDP sockets -- RR *" "/ fallthrough;"
 * into the branch that sets sk_shutdown); POSIX shutdown() [ENOTCONN].
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_shutdown(p, client, SHUT_RD), ENOTCONN);
	expect_eof(p, sock_recv_blocking(p, client));
}

const struct rule rule = {
	.id = "udp.shutdown.unconnected_shut_rd_still_applies",
	.sentence = "shutdown(SHUT_RD) on an unconnected UDP socket fails with ENOTCONN, yet a "
		    "blocking recvfrom() on it then returns 0 at once.",
	.why = "inet_shutdown() answers -ENOTCONN for TCP_CLOSE but falls through to set "
	       "RCV_SHUTDOWN anyway, which ends every later wait in "
	       "__skb_wait_for_more_packets().",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "ENOTCONN, then recv 0" },
		{ "POSIX", "shutdown(): [ENOTCONN]; a failed call has no effect",
		  "ENOTCONN, recv waits" },
		{ "BSD", "FreeBSD soshutdown(): ENOTCONN before any change", "ENOTCONN, recv waits" },
	},
	.run = run,
};
