// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.pending_error_taken_by_send
 *
 * The pending error is not kept for recv(): whatever call comes next takes
 * it.  A send() made after the ICMP port unreachable arrived fails with
 * ECONNREFUSED (its datagram is not sent) and the error is then gone:
 * SO_ERROR reads 0, and the send() after it succeeds (its datagram goes
 * out: it draws a port unreachable of its own).
 *
 * poll() tells that the ICMP has arrived without taking the error (POLLERR
 * only looks at sk_err).
 *
 * References: udp(7) "ERROR HANDLING"; send(2) ECONNREFUSED; udp_sendmsg()
 * in net/ipv4/udp.c builds the datagram with ip_make_skb() ->
 * __ip_append_data() -> sock_alloc_send_skb(), whose sock_alloc_send_pskb()
 * in net/core/sock.c fails with sock_error() first (IPv6:
 * udpv6_sendmsg() -> ip6_make_skb(), the same allocator); Stevens UNP vol. 1
 * §8.9.
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "first"));
	must(p, sock_poll(p, client, POLLIN));

	expect_errno(p, sock_send(p, client, "second"), ECONNREFUSED);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_ok(p, sock_send(p, client, "third"));
	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
}

const struct rule rule = {
	.id = "udp.errors.pending_error_taken_by_send",
	.sentence = "A send() on a connected UDP socket after an ICMP port unreachable arrived "
		    "fails with ECONNREFUSED and takes the pending error with it.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) allocates the datagram with "
	       "sock_alloc_send_skb(), and sock_alloc_send_pskb() returns "
	       "sock_error() first, which takes and clears the sk_err that "
	       "__udp4_lib_err() (__udp6_lib_err()) stored.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; sock_alloc_send_pskb() in net/core/sock.c",
		  "ECONNREFUSED, then SO_ERROR 0" },
		{ "POSIX", "send(): [ECONNREFUSED] may be returned", "ECONNREFUSED" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: the next operation returns so_error",
		  "ECONNREFUSED" },
	},
	.run = run,
};
