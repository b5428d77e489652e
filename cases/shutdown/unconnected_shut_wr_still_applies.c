// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.unconnected_shut_wr_still_applies
 *
 * shutdown(SHUT_WR) on a UDP socket that is not connected fails with
 * ENOTCONN, and yet the socket is shut for writing all the same: a
 * sendto() with an explicit destination then fails with EPIPE and sends
 * nothing.
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c (TCP_CLOSE: -ENOTCONN,
 * then falls through to set sk_shutdown); sock_alloc_send_pskb() in
 * net/core/sock.c (-EPIPE on SEND_SHUTDOWN); POSIX shutdown() [ENOTCONN].
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_shutdown(p, client, SHUT_WR), ENOTCONN);
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);

	expect_errno(p, sock_sendto(p, client, "after SHUT_WR", addr_host(p, HOST_SERVER, PORT_SERVER)),
		     EPIPE);
	expect_long(p, "datagrams the client sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
}

const struct rule rule = {
	.id = "udp.shutdown.unconnected_shut_wr_still_applies",
	.sentence = "shutdown(SHUT_WR) on an unconnected UDP socket fails with ENOTCONN, yet "
		    "sendto() on it then fails with EPIPE.",
	.why = "inet_shutdown() answers -ENOTCONN for TCP_CLOSE but sets SEND_SHUTDOWN anyway; "
	       "udp_sendmsg()'s buffer allocation (sock_alloc_send_pskb()) refuses it with -EPIPE.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "ENOTCONN, then EPIPE" },
		{ "POSIX", "shutdown(): [ENOTCONN]; a failed call has no effect",
		  "ENOTCONN, then sent" },
		{ "BSD", "FreeBSD soshutdown(): ENOTCONN before any change", "ENOTCONN, then sent" },
	},
	.run = run,
};
