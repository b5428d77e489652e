// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.unconnected_shut_rd_dontwait_eagain
 *
 * A read that must not wait does not see a read shutdown: after the
 * (failed, yet recorded) shutdown(SHUT_RD) of an unconnected UDP socket,
 * recvfrom() with MSG_DONTWAIT on the empty queue fails with EAGAIN, not 0.
 * Only a read that would wait returns end of file
 * (udp.shutdown.unconnected_shut_rd_still_applies).
 *
 * References: __skb_recv_udp() in net/ipv4/udp.c (with MSG_DONTWAIT the
 * timeout is 0, so __skb_wait_for_more_packets(), the one place that looks
 * at RCV_SHUTDOWN, is never called and the answer is -EAGAIN);
 * inet_shutdown() in net/ipv4/af_inet.c; gVisor udp_socket.cc
 * ReadShutdownSameSocketResetsShutdownState, ReadShutdown.
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_shutdown(p, client, SHUT_RD), ENOTCONN);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.shutdown.unconnected_shut_rd_dontwait_eagain",
	.sentence = "After shutdown(SHUT_RD) on an unconnected UDP socket, recvfrom() with "
		    "MSG_DONTWAIT on its empty queue fails with EAGAIN, not 0.",
	.why = "With MSG_DONTWAIT __skb_recv_udp() has no time to wait, so it never reaches "
	       "__skb_wait_for_more_packets(), where RCV_SHUTDOWN would turn the empty queue "
	       "into end of file, and returns -EAGAIN.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_recv_udp() in net/ipv4/udp.c", "EAGAIN" },
		{ "POSIX", "recvfrom(): [EAGAIN] no data and O_NONBLOCK/MSG_DONTWAIT", "EAGAIN" },
		{ "BSD", "FreeBSD soreceive_dgram(): SBS_CANTRCVMORE returns 0 before EWOULDBLOCK",
		  "0" },
	},
	.run = run,
};
