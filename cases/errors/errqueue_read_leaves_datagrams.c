// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.errqueue_read_leaves_datagrams
 *
 * The error queue and the receive queue are separate: with a datagram
 * from the peer queued and no error, recvmsg(MSG_ERRQUEUE) fails with
 * EAGAIN and does not touch the datagram, which the next recv() returns.
 *
 * References: ip(7) IP_RECVERR ("the error queue"); udp_recvmsg() in
 * net/ipv4/udp.c hands MSG_ERRQUEUE to ip_recv_error() before it looks at
 * the receive queue (udpv6_recvmsg(): ipv6_recv_error()); sk_error_queue
 * vs sk_receive_queue in include/net/sock.h.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, at_server));
	must(p, sock_sendto(p, server, "data", at_client));
	must(p, sock_recv_peek(p, client));

	expect_errno(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, EAGAIN);
	expect_datagram(p, sock_recv_nowait(p, client), "data", at_server);
}

const struct rule rule = {
	.id = "udp.errors.errqueue_read_leaves_datagrams",
	.sentence = "recvmsg(MSG_ERRQUEUE) on a UDP socket with a datagram queued and no error "
		    "fails with EAGAIN and leaves the datagram for recv().",
	.why = "udp_recvmsg() (udpv6_recvmsg()) answers MSG_ERRQUEUE from sk_error_queue "
	       "alone via ip_recv_error() (ipv6_recv_error()); sk_receive_queue is not "
	       "looked at.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_recvmsg() in net/ipv4/udp.c", "EAGAIN, then \"data\"" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no MSG_ERRQUEUE", "not available" },
	},
	.run = run,
};
