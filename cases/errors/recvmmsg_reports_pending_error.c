// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.recvmmsg_reports_pending_error
 *
 * recvmmsg() reports a pending error like recv(): on a connected UDP
 * socket after an ICMP port unreachable, with nothing queued, it fails
 * with ECONNREFUSED (not 0 messages), and the error is then gone.
 *
 * References: recvmmsg(2) ("errors are as for recvmsg(2)"); do_recvmmsg()
 * in net/socket.c returns the first ___sys_recvmsg() error when no
 * message was received; udp_recvmsg() -> __skb_recv_udp() -> sock_error().
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct call msgs[RECVMMSG_MAX];

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, POLLIN));

	expect_errno(p, sock_recvmmsg(p, client, 2, msgs), ECONNREFUSED);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
}

const struct rule rule = {
	.id = "udp.errors.recvmmsg_reports_pending_error",
	.sentence = "recvmmsg() on a connected UDP socket with a pending ICMP error and nothing "
		    "queued fails with ECONNREFUSED and takes the error.",
	.why = "do_recvmmsg() calls ___sys_recvmsg() -> udp_recvmsg(), whose "
	       "__skb_recv_udp() returns sock_error(); with no datagram received yet "
	       "that error is recvmmsg()'s answer.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "do_recvmmsg() in net/socket.c", "ECONNREFUSED, then SO_ERROR 0" },
		{ "POSIX", "no recvmmsg()", "not specified" },
		{ "BSD", "FreeBSD recvmmsg(2): errors as for recvmsg()", "ECONNREFUSED" },
	},
	.run = run,
};
