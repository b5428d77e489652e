// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.unbound_recv_eagain
 *
 * A receive does not bind a socket: on a UDP socket that was never bound
 * (nor connected, nor used to send), a non-blocking recvfrom() fails with
 * EAGAIN, and getsockname() still shows the wildcard address with port 0.
 * Nothing can be received, since no port was ever chosen.
 *
 * References: gVisor udp_socket.cc ReceiveNotBound; POSIX recvfrom()
 * [EAGAIN]; inet_recvmsg() in net/ipv4/af_inet.c (no inet_autobind(),
 * unlike inet_sendmsg()), udp_recvmsg() -> __skb_recv_udp() returns
 * -EAGAIN on an empty queue with MSG_DONTWAIT.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.recv.unbound_recv_eagain",
	.sentence = "A non-blocking recvfrom() on a never-bound UDP socket fails with EAGAIN and "
		    "leaves the socket unbound (port 0).",
	.why = "inet_recvmsg() never autobinds (only inet_sendmsg() and connect() do), so "
	       "the socket has no port, no datagram can reach it, and __skb_recv_udp() "
	       "returns -EAGAIN.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet_recvmsg() in net/ipv4/af_inet.c", "EAGAIN; wildcard, port 0" },
		{ "POSIX", "recvfrom(): [EAGAIN] no message is waiting", "EAGAIN" },
		{ "BSD", "FreeBSD: soreceive() on an unbound socket", "EAGAIN" },
	},
	.run = run,
};
