// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.udp_cork_joins_until_uncorked
 *
 * With the UDP_CORK option on, every send() only appends to one pending
 * datagram; turning the option off sends it.  Two corked sends, "cor" and
 * "ked", reach the peer as one datagram "corked", the first the peer
 * receives, and nothing else.
 *
 * References: udp(7) UDP_CORK (Linux 2.5.44) "all data output on this
 * socket is accumulated into a single datagram that is transmitted when
 * the option is disabled"; udp_lib_setsockopt() in net/ipv4/udp.c (UDP_CORK
 * 0 calls push_pending_frames()), udp_sendmsg() (corkreq =
 * udp_test_bit(CORK, sk) || MSG_MORE).
 */
#include "udpc.h"

#include <errno.h>
#include <netinet/udp.h>

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sockopt_set_int(p, client, SOCKOPT(SOL_UDP, UDP_CORK), 1));
	expect_ok(p, sock_send(p, client, "cor"));
	expect_ok(p, sock_send(p, client, "ked"));
	expect_ok(p, sockopt_set_int(p, client, SOCKOPT(SOL_UDP, UDP_CORK), 0));
	expect_datagram(p, sock_recv(p, server), "corked", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.udp_cork_joins_until_uncorked",
	.sentence = "With UDP_CORK set, what a UDP socket sends is held as one datagram, sent "
		    "when UDP_CORK is cleared.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) appends to the pending frames while the CORK "
	       "flag is set; udp_lib_setsockopt() clearing UDP_CORK calls "
	       "push_pending_frames(), which sends them as one datagram.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) UDP_CORK; udp_lib_setsockopt() in net/ipv4/udp.c",
		  "one datagram at uncork" },
		{ "POSIX", "no UDP_CORK", "not specified" },
		{ "BSD", "no UDP_CORK", "not specified" },
	},
	.run = run,
};
