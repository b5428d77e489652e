// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.msg_trunc_flag_returns_real_length
 *
 * Linux lets a program learn a datagram's size while reading it: with
 * MSG_TRUNC in the *flags* of recv()/recvmsg(), a UDP receive returns the
 * datagram's real length even when the buffer was shorter.  Only what fits
 * is copied, msg_flags still says MSG_TRUNC, and the datagram is consumed.
 * POSIX defines MSG_TRUNC only as an output flag.
 *
 * References: recv(2) "MSG_TRUNC (since Linux 2.2) ... return the real
 * length of the packet or datagram, even when it was longer than the
 * passed buffer" (Internet datagram sockets since 2.4.27/2.6.8);
 * udp_recvmsg() in net/ipv4/udp.c ("if (flags & MSG_TRUNC) err = ulen"),
 * udpv6_recvmsg() in net/ipv6/udp.c.
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
	must(p, sock_sendto(p, client, "sixteen bytes...", at_server));

	struct call cut = sock_recvmsg_flags(p, server, 4, RECVFLAGS(MSG_TRUNC));
	expect_ret(p, cut, 16);
	expect_datagram(p, cut, "sixt", at_client);
	expect_msg_flags(p, cut, MSG_TRUNC);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.msg_trunc_flag_returns_real_length",
	.sentence = "A UDP receive given MSG_TRUNC in its flags returns the datagram's real length, "
		    "copies only what fits and consumes the datagram.",
	.why = "udp_recvmsg() (udpv6_recvmsg()) returns ulen, the datagram's length, "
	       "instead of the bytes copied when the caller passed MSG_TRUNC.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "recv(2) MSG_TRUNC; udp_recvmsg() in net/ipv4/udp.c", "16, \"sixt\", MSG_TRUNC" },
		{ "POSIX", "recv(): MSG_TRUNC is not an input flag", "not specified" },
		{ "BSD", "FreeBSD recv(2): MSG_TRUNC as input is not supported for UDP",
		  "4 (bytes copied)" },
	},
	.run = run,
};
