// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.pending_error_reported_once
 *
 * An ICMP port unreachable leaves one pending error on a connected UDP
 * socket, not a state: the next call that reports it (here recv()) fails
 * with ECONNREFUSED and takes it, and the call after that behaves as if
 * nothing had happened (no datagram: EAGAIN).  The socket stays connected
 * and usable.
 *
 * References: udp(7) "ERROR HANDLING"; socket(7) SO_ERROR ("pending socket
 * error ... cleared"); __udp4_lib_err() in net/ipv4/udp.c stores the error
 * in sk_err, __skb_recv_udp() takes it with sock_error(), which exchanges
 * sk_err with 0 (include/net/sock.h); Stevens UNP vol. 1 §8.9.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));

	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.pending_error_reported_once",
	.sentence = "The ECONNREFUSED an ICMP port unreachable leaves on a connected UDP socket "
		    "is reported once: the next recv() fails with it, the one after does not.",
	.why = "__udp4_lib_err() (__udp6_lib_err()) sets sk_err once per ICMP; "
	       "__skb_recv_udp() returns it through sock_error(), which reads and "
	       "clears sk_err in one exchange, so only one call sees it.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; sock_error() in include/net/sock.h",
		  "ECONNREFUSED, then EAGAIN" },
		{ "POSIX", "recv(): [ECONNREFUSED]; SO_ERROR: the pending error is cleared",
		  "reported once" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: so_error is reset to 0 once returned",
		  "ECONNREFUSED, then EAGAIN" },
	},
	.run = run,
};
