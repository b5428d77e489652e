// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.blocked_recv_wakes_with_econnrefused
 *
 * An error that arrives while a recv() is already waiting wakes it: the
 * blocked call returns ECONNREFUSED, it does not go on waiting for a
 * datagram that will never come.
 *
 * A second thread makes the blocking recvfrom().  Before the datagram that
 * triggers the ICMP is sent, the harness has seen that thread asleep
 * (state S) inside recvfrom() in /proc: the call was waiting before the
 * error existed.  SO_RCVTIMEO bounds the wait: a recv() never woken would
 * end with EAGAIN.
 *
 * References: udp(7) "ERROR HANDLING"; __udp4_lib_err() in net/ipv4/udp.c
 * calls sk_error_report(), whose sock_def_error_report() in
 * net/core/sock.c wakes the socket's wait queue with EPOLLERR;
 * __skb_wait_for_more_packets() in net/core/datagram.c then returns
 * sock_error(); Stevens UNP vol. 1 §8.9.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));

	struct blocked_recv *waiting = blocked_recv_start(p, client);
	must(p, sock_send(p, client, "ping"));
	expect_errno(p, blocked_recv_finish(p, waiting), ECONNREFUSED);
}

const struct rule rule = {
	.id = "udp.errors.blocked_recv_wakes_with_econnrefused",
	.sentence = "A recv() already blocked on a connected UDP socket when an ICMP port "
		    "unreachable arrives wakes up and fails with ECONNREFUSED.",
	.why = "__udp4_lib_err() (__udp6_lib_err()) sets sk_err and calls "
	       "sk_error_report(), which wakes the waiters; "
	       "__skb_wait_for_more_packets() sees sk_err and the recv() returns "
	       "it through sock_error().",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; __skb_wait_for_more_packets()",
		  "ECONNREFUSED" },
		{ "POSIX", "recv(): [ECONNREFUSED] may be returned", "ECONNREFUSED" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: the process is woken with the error",
		  "ECONNREFUSED" },
	},
	.run = run,
};
