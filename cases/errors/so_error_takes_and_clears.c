// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.so_error_takes_and_clears
 *
 * getsockopt(SO_ERROR) is the way to read the pending error without making
 * a call that could fail for it: it returns ECONNREFUSED after an ICMP port
 * unreachable and clears it.  A second SO_ERROR reads 0, and a recv()
 * finds no error and no datagram (EAGAIN).
 *
 * References: socket(7) "SO_ERROR: Get and clear the pending socket error";
 * POSIX getsockopt() SO_ERROR "the pending error is cleared"; sk_getsockopt()
 * in net/core/sock.c (case SO_ERROR: sock_error()); Stevens UNP vol. 1
 * §7.5 SO_ERROR.
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, POLLIN));

	expect_pending_error(p, sockopt_so_error(p, client), ECONNREFUSED);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.so_error_takes_and_clears",
	.sentence = "getsockopt(SO_ERROR) on a connected UDP socket returns the ECONNREFUSED "
		    "an ICMP port unreachable left and clears it.",
	.why = "sk_getsockopt() answers SO_ERROR with sock_error(), the same "
	       "read-and-clear exchange of sk_err that recv() and send() use.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "socket(7) SO_ERROR; sk_getsockopt() in net/core/sock.c",
		  "ECONNREFUSED, then 0" },
		{ "POSIX", "getsockopt(): SO_ERROR reports and clears the pending error",
		  "ECONNREFUSED, then 0" },
		{ "BSD", "Stevens UNP vol. 1 §7.5 SO_ERROR", "ECONNREFUSED, then 0" },
	},
	.run = run,
};
