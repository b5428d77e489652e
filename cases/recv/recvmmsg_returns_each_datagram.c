// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.recvmmsg_returns_each_datagram
 *
 * recvmmsg() reads several datagrams in one call, one per message: asked
 * for three with two queued, it returns 2, and each message holds one
 * datagram with its own source (one from the client, one from the
 * stranger) and its length in msg_len.
 *
 * Ordering: a sentinel sent to another socket of the server after both
 * datagrams is read first, so both are queued before recvmmsg().
 *
 * References: recvmmsg(2) "returns the number of messages received";
 * LTP recvmmsg01, gVisor; __sys_recvmmsg() -> do_recvmmsg() in
 * net/socket.c, one ___sys_recvmsg() per message, MSG_DONTWAIT after the
 * first when nothing more is queued (-EAGAIN ends the batch).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *other = sock_open(p, HOST_SERVER, "other");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct call msgs[RECVMMSG_MAX];

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, other, addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sock_sendto(p, client, "one", at_server));
	must(p, sock_sendto(p, stranger, "second", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_ret(p, sock_recvmmsg(p, server, 3, msgs), 2);
	expect_datagram(p, msgs[0], "one", from_client);
	expect_msg_flags(p, msgs[0], 0);
	expect_datagram(p, msgs[1], "second", from_stranger);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.recvmmsg_returns_each_datagram",
	.sentence = "recvmmsg() on a UDP socket returns the number of datagrams it read, one per "
		    "message, each with its own source and length.",
	.why = "do_recvmmsg() in net/socket.c calls ___sys_recvmsg() once per message, "
	       "each one udp_recvmsg() of one skb, and stops at the first EAGAIN.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "recvmmsg(2); do_recvmmsg() in net/socket.c",
		  "2: \"one\" from the client, \"second\" from the stranger" },
		{ "POSIX", "no recvmmsg()", "not specified" },
		{ "BSD", "FreeBSD recvmmsg(2)", "2, one datagram per message" },
	},
	.run = run,
};
