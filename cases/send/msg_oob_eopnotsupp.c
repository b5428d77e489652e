// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.msg_oob_eopnotsupp
 *
 * UDP has no out-of-band data: send() with MSG_OOB fails with EOPNOTSUPP
 * and sends nothing (the peer's first datagram is the sentinel sent next).
 *
 * Native IPv6 does not hold to it: udpv6_sendmsg() never looks at MSG_OOB,
 * so the datagram is sent and send() returns its length; only a datagram
 * to an IPv4-mapped peer, handed to udp_sendmsg(), is refused.  A known
 * divergence between the families.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (msg->msg_flags &
 * MSG_OOB) /\* Mirror BSD error message compatibility *\/ return
 * -EOPNOTSUPP"), udpv6_sendmsg() in net/ipv6/udp.c; send(2) "EOPNOTSUPP
 * Some bit in the flags argument is inappropriate for the socket type";
 * POSIX send() [EOPNOTSUPP]; LTP send01, sendto01, sendmsg01 "invalid
 * flags set".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_errno(p, sock_send_flags(p, client, "urgent", SENDFLAG(MSG_OOB)), EOPNOTSUPP);
	must(p, sock_send(p, client, "sentinel"));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.msg_oob_eopnotsupp",
	.sentence = "send() with MSG_OOB on a UDP socket fails with EOPNOTSUPP and sends nothing.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) refuses MSG_OOB with -EOPNOTSUPP before "
	       "anything else, as BSD does.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EOPNOTSUPP" },
		{ "POSIX", "send(): [EOPNOTSUPP] a flag is not supported for the socket type",
		  "EOPNOTSUPP" },
		{ "BSD", "udp_usrreq() in 4.4BSD: PRU_SENDOOB is EOPNOTSUPP", "EOPNOTSUPP" },
	},
	.known = {
		.families = FAM_IPV6,
		.kernels = "all through at least v6.18",
		.cause = "udpv6_sendmsg() in net/ipv6/udp.c has no MSG_OOB check (udp_sendmsg() "
			 "in net/ipv4/udp.c has), so send(MSG_OOB) on an AF_INET6 socket to an "
			 "IPv6 peer sends the datagram",
	},
	.run = run,
};
