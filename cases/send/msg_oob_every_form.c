// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.msg_oob_every_form
 *
 * MSG_OOB is refused by every sending call, not only send()
 * (udp.send.msg_oob_eopnotsupp): sendto() and sendmsg() with MSG_OOB on an
 * unconnected UDP socket fail with EOPNOTSUPP and send nothing (the
 * server's first datagram is the sentinel).
 *
 * Native IPv6 sends instead: udpv6_sendmsg() never looks at MSG_OOB.  The
 * same known divergence as udp.send.msg_oob_eopnotsupp.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (msg->msg_flags &
 * MSG_OOB) ... return -EOPNOTSUPP"); udpv6_sendmsg() in net/ipv6/udp.c;
 * POSIX sendto(), sendmsg() [EOPNOTSUPP]; LTP sendto01, sendmsg01
 * "invalid flags set".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_errno(p, sock_sendto_flags(p, client, "by sendto", SENDFLAG(MSG_OOB), at_server),
		     EOPNOTSUPP);
	expect_errno(p, sock_sendmsg_flags(p, client, "by sendmsg", SENDFLAG(MSG_OOB), at_server),
		     EOPNOTSUPP);
	must(p, sock_sendto(p, client, "sentinel", at_server));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.msg_oob_every_form",
	.sentence = "sendto() and sendmsg() with MSG_OOB on a UDP socket fail with EOPNOTSUPP and "
		    "send nothing.",
	.why = "sendto() and sendmsg() reach udp_sendmsg() like send(), and it refuses MSG_OOB "
	       "with -EOPNOTSUPP first; udpv6_sendmsg() has no such check.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EOPNOTSUPP" },
		{ "POSIX", "sendto(), sendmsg(): [EOPNOTSUPP]", "EOPNOTSUPP" },
		{ "BSD", "udp_usrreq() in 4.4BSD: PRU_SENDOOB is EOPNOTSUPP", "EOPNOTSUPP" },
	},
	.known = {
		.families = FAM_IPV6,
		.kernels = "all through at least v6.18",
		.cause = "udpv6_sendmsg() in net/ipv6/udp.c has no MSG_OOB check, so sendto() and "
			 "sendmsg() with MSG_OOB to an IPv6 destination send the datagram",
	},
	.run = run,
};
