// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.peek_off_continues_past_peeked
 *
 * With SO_PEEK_OFF set (it starts at -1, off), each MSG_PEEK read starts
 * where the last one stopped: two 3-byte peeks return the first and the
 * second half of "abcdef", a third peek reaches into the next datagram,
 * and a plain receive, which still reads from the head, returns "abcdef"
 * whole and moves the offset back by its length.  The two peeks inside
 * "abcdef" both say MSG_TRUNC: udp_recvmsg() compares what it copied with
 * the whole datagram, not with what was left after the offset.
 *
 * References: socket(7) SO_PEEK_OFF; kselftest net/sk_so_peek_off.c (its
 * UDP part); udp_recvmsg() in net/ipv4/udp.c (sk_peek_offset(),
 * sk_peek_offset_fwd() after a peek, sk_peek_offset_bwd() after a read),
 * __skb_try_recv_from_queue() in net/core/datagram.c (skips skbs the
 * offset has passed); commit 627d2d6b5500 "udp: enable MSG_PEEK at
 * non-zero offset" (v4.7).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *other = sock_open(p, HOST_SERVER, "other");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, other, addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_sendto(p, client, "abcdef", at_server));
	must(p, sock_sendto(p, client, "xyz", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_value(p, sockopt_get_int(p, server, SOCKOPT(SOL_SOCKET, SO_PEEK_OFF), sizeof(int)), -1);
	must(p, sockopt_set_int(p, server, SOCKOPT(SOL_SOCKET, SO_PEEK_OFF), 0));
	struct call head = sock_recvmsg_flags(p, server, 3, RECVFLAGS(MSG_PEEK));
	expect_datagram(p, head, "abc", at_client);
	expect_msg_flags(p, head, MSG_TRUNC);
	struct call tail = sock_recvmsg_flags(p, server, 3, RECVFLAGS(MSG_PEEK));
	expect_datagram(p, tail, "def", at_client);
	expect_msg_flags(p, tail, MSG_TRUNC);
	struct call next = sock_recvmsg_flags(p, server, 3, RECVFLAGS(MSG_PEEK));
	expect_datagram(p, next, "xyz", at_client);
	expect_msg_flags(p, next, 0);
	expect_value(p, sockopt_get_int(p, server, SOCKOPT(SOL_SOCKET, SO_PEEK_OFF), sizeof(int)), 9);
	expect_datagram(p, sock_recv(p, server), "abcdef", at_client);
	expect_value(p, sockopt_get_int(p, server, SOCKOPT(SOL_SOCKET, SO_PEEK_OFF), sizeof(int)), 3);
}

const struct rule rule = {
	.id = "udp.recv.peek_off_continues_past_peeked",
	.sentence = "With SO_PEEK_OFF set, each MSG_PEEK on a UDP socket continues where the last "
		    "peek stopped, into the next datagram, and a read moves the offset back.",
	.why = "udp_recvmsg() peeks from sk_peek_offset() and advances it by the bytes "
	       "copied; __skb_try_recv_from_queue() skips datagrams the offset has passed; "
	       "a read consumes from the head and sk_peek_offset_bwd() subtracts its length.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "socket(7) SO_PEEK_OFF; udp_recvmsg()",
		  "-1; \"abc\", \"def\", \"xyz\"; 9; \"abcdef\"; 3" },
		{ "POSIX", "no SO_PEEK_OFF", "not specified" },
		{ "BSD", "no SO_PEEK_OFF", "not available" },
	},
	.tags = { { "linux-git", "627d2d6b5500", "udp: enable MSG_PEEK at non-zero offset", "v4.7" } },
	.run = run,
};
