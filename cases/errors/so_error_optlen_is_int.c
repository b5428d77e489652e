// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.so_error_optlen_is_int
 *
 * SO_ERROR is an int: given more room, getsockopt() writes the pending
 * error (ECONNREFUSED after a port unreachable) into the first four bytes
 * and answers optlen = 4, so a caller can check what it got.
 *
 * References: socket(7) SO_ERROR ("Get and clear the pending socket
 * error. ... the value is an integer"); POSIX getsockopt() ("option_len
 * ... shall be modified on return to indicate the actual length");
 * gVisor udp_socket.cc (SO_ERROR optlen == sizeof(int)); sk_getsockopt()
 * in net/core/sock.c (lv = sizeof(int); "if (len > lv) len = lv").
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

	struct call c = sockopt_get_int(p, client, SOCKOPT(SOL_SOCKET, SO_ERROR), 16);
	expect_value(p, c, ECONNREFUSED);
	expect_len(p, c, "optlen", sizeof(int));
}

const struct rule rule = {
	.id = "udp.errors.so_error_optlen_is_int",
	.sentence = "getsockopt(SO_ERROR) with 16 bytes of room on a UDP socket writes the pending "
		    "ECONNREFUSED as an int and answers optlen 4.",
	.why = "sk_getsockopt() answers SO_ERROR in v.val with lv = sizeof(int) and "
	       "shortens len to lv before copying it back.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sk_getsockopt() in net/core/sock.c", "ECONNREFUSED, optlen 4" },
		{ "POSIX", "getsockopt(): option_len is set to the actual length", "optlen 4" },
		{ "BSD", "Stevens UNP vol. 1 §7.5", "optlen sizeof(int)" },
	},
	.run = run,
};
