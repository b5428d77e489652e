// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.empty_errqueue_eagain_without_dontwait
 *
 * Reading the error queue never blocks: recvmsg(MSG_ERRQUEUE) without
 * MSG_DONTWAIT on a blocking socket whose error queue is empty fails at
 * once with EAGAIN.  (Had it blocked, the probe would end as TIMEOUT at
 * its bound, naming this call.)
 *
 * References: gVisor udp_socket.cc ErrorQueue; ip(7) IP_RECVERR;
 * ip_recv_error() in net/ipv4/ip_sockglue.c and ipv6_recv_error() in
 * net/ipv6/datagram.c: "err = -EAGAIN; skb = sock_dequeue_err_skb(sk);
 * if (!skb) goto out;", no wait.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_errno(p, errq_recv_full(p, client, CALL_DATA_MAX, false).call, EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.empty_errqueue_eagain_without_dontwait",
	.sentence = "recvmsg(MSG_ERRQUEUE) on a blocking UDP socket with an empty error queue "
		    "fails at once with EAGAIN, even without MSG_DONTWAIT.",
	.why = "ip_recv_error() (ipv6_recv_error()) dequeues with "
	       "sock_dequeue_err_skb() and returns -EAGAIN when there is nothing; it "
	       "never sleeps.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip_recv_error() in net/ipv4/ip_sockglue.c", "EAGAIN at once" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no MSG_ERRQUEUE", "not available" },
	},
	.run = run,
};
