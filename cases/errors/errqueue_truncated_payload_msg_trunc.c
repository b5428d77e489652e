// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.errqueue_truncated_payload_msg_trunc
 *
 * recvmsg(MSG_ERRQUEUE) with a buffer shorter than the offending payload
 * behaves like a truncated receive: it returns the bytes copied, msg_flags
 * is MSG_ERRQUEUE|MSG_TRUNC, the extended error is still there whole, and
 * the entry is gone (the next read finds the queue empty).
 *
 * References: ip(7) IP_RECVERR; ip_recv_error() in net/ipv4/ip_sockglue.c
 * ("if (copied > len) { msg->msg_flags |= MSG_TRUNC; copied = len; }"),
 * ipv6_recv_error() in net/ipv6/datagram.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, closed));
	must(p, sock_send(p, client, "a long payload"));
	must(p, sock_poll(p, client, 0));

	struct errq_msg m = errq_recv_full(p, client, 2, true);
	expect_datagram(p, m.call, "a ", closed);
	expect_msg_flags(p, m.call, MSG_ERRQUEUE | MSG_TRUNC);
	expect_errqueue(p, m, errq_port_unreachable(p));
	expect_errno(p, errq_recv_full(p, client, CALL_DATA_MAX, true).call, EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.errqueue_truncated_payload_msg_trunc",
	.sentence = "recvmsg(MSG_ERRQUEUE) with a buffer shorter than the offending payload "
		    "returns what fits with MSG_TRUNC, keeps the extended error whole and takes "
		    "the entry.",
	.why = "ip_recv_error() (ipv6_recv_error()) copies at most len bytes, sets "
	       "MSG_TRUNC when the payload was longer, always adds the RECVERR cmsg, "
	       "and has dequeued the skb already.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip_recv_error() in net/ipv4/ip_sockglue.c",
		  "\"a \", MSG_ERRQUEUE|MSG_TRUNC, ECONNREFUSED; then EAGAIN" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no MSG_ERRQUEUE", "not available" },
	},
	.run = run,
};
