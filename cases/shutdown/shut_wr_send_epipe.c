// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.shut_wr_send_epipe
 *
 * After shutdown(SHUT_WR) a connected UDP socket sends nothing more:
 * send() fails with EPIPE, and no datagram leaves (the client's count of
 * datagrams sent does not move).
 *
 * References: POSIX send() [EPIPE] "The socket is shut down for writing";
 * sock_alloc_send_pskb() in net/core/sock.c ("if (sk->sk_shutdown &
 * SEND_SHUTDOWN) goto failure" with -EPIPE), reached from udp_sendmsg()
 * through ip_make_skb() and __ip_append_data() (ip6_make_skb() for IPv6);
 * Stevens UNP vol. 1 §6.6.
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_shutdown(p, client, SHUT_WR));
	long sent = mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS);

	expect_errno(p, sock_send(p, client, "after SHUT_WR"), EPIPE);
	expect_long(p, "datagrams the client sent", 0,
		    mib_read(p, HOST_CLIENT, MIB_UDP_OUT_DATAGRAMS) - sent);
}

const struct rule rule = {
	.id = "udp.shutdown.shut_wr_send_epipe",
	.sentence = "After shutdown(SHUT_WR), send() on a connected UDP socket fails with EPIPE "
		    "and sends nothing.",
	.why = "shutdown() sets SEND_SHUTDOWN; the first buffer udp_sendmsg() asks for "
	       "(sock_alloc_send_pskb()) is refused with -EPIPE.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_alloc_send_pskb() in net/core/sock.c", "EPIPE" },
		{ "POSIX", "send(): [EPIPE] the socket is shut down for writing", "EPIPE" },
		{ "BSD", "Stevens UNP vol. 1 §6.6; FreeBSD sosend_dgram(): EPIPE", "EPIPE" },
	},
	.run = run,
};
