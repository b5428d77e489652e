// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.error_cycle_repeats
 *
 * An ICMP error leaves no lasting mark on a connected socket: once recv()
 * has taken the ECONNREFUSED, the next send() succeeds, and its own port
 * unreachable gives a second ECONNREFUSED, as often as the cycle is
 * repeated.  tokio #4996 and moby #52483 report this cycle from the
 * application's side.
 *
 * References: gVisor udp_socket.cc ConnectAndSendNoReceiver; udp(7)
 * "ERROR HANDLING"; __udp4_lib_err() in net/ipv4/udp.c sets sk_err once
 * per ICMP, sock_error() takes it (include/net/sock.h); Stevens UNP vol. 1
 * §8.9.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	expect_ok(p, sock_send(p, client, "first"));
	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
	expect_ok(p, sock_send(p, client, "second"));
	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
	expect_ok(p, sock_send(p, client, "third"));
	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.error_cycle_repeats",
	.sentence = "After recv() took an ECONNREFUSED on a connected UDP socket the next send() "
		    "succeeds, and each new port unreachable gives a new ECONNREFUSED.",
	.why = "__udp4_lib_err() (__udp6_lib_err()) stores one sk_err per ICMP and "
	       "sock_error() clears it when it is reported; nothing else about the "
	       "socket changes.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; sock_error() in include/net/sock.h",
		  "send ok, ECONNREFUSED, three times" },
		{ "POSIX", "send(), recv(): [ECONNREFUSED]", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9", "send ok, ECONNREFUSED, each time" },
	},
	.run = run,
};
