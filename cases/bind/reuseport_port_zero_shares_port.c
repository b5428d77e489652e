// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.reuseport_port_zero_shares_port
 *
 * bind() to port 0 looks for a port no other socket conflicts with, and a
 * socket with SO_REUSEPORT does not conflict with another one of the same
 * user that has it too.  So two such sockets binding port 0 can be given
 * the same port: with the range narrowed to one port they always are.  A
 * socket without SO_REUSEPORT still finds that port taken.
 *
 * References: envoyproxy/envoy#19283 ("default-on SO_REUSEPORT doesn't work
 * with listening on port 0": two processes under one user shared a port);
 * udp_lib_lport_inuse() in net/ipv4/udp.c (a reuseport socket of the same
 * uid is not marked in the bitmap udp_lib_get_port() searches); socket(7)
 * SO_REUSEPORT; Linux commit 91d0b78c5177 (IP_LOCAL_PORT_RANGE, used to
 * make the choice certain).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr shared = addr_wildcard(p, EPHEMERAL_LO);
	struct sock *first = sock_open(p, HOST_SERVER, "first");
	struct sock *second = sock_open(p, HOST_SERVER, "second");
	struct sock *plain = sock_open(p, HOST_SERVER, "plain");

	must(p, sockopt_set_int(p, first, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sockopt_port_range(p, first, EPHEMERAL_LO, EPHEMERAL_LO));
	must(p, sock_bind(p, first, addr_wildcard(p, 0)));
	must(p, sockopt_set_int(p, second, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sockopt_port_range(p, second, EPHEMERAL_LO, EPHEMERAL_LO));
	expect_ok(p, sock_bind(p, second, addr_wildcard(p, 0)));
	expect_addr(p, sock_getsockname(p, second), shared);
	must(p, sockopt_port_range(p, plain, EPHEMERAL_LO, EPHEMERAL_LO));
	expect_errno(p, sock_bind(p, plain, addr_wildcard(p, 0)), EADDRINUSE);
}

const struct rule rule = {
	.id = "udp.bind.reuseport_port_zero_shares_port",
	.sentence = "Two UDP sockets of one user with SO_REUSEPORT that bind port 0 can be given "
		    "the same port, while a socket without SO_REUSEPORT cannot get it.",
	.why = "udp_lib_get_port() with snum 0 skips only the ports udp_lib_lport_inuse() marks, "
	       "and it does not mark a port held by a SO_REUSEPORT socket of the same uid when "
	       "the binding socket has SO_REUSEPORT too.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp_lib_lport_inuse() in net/ipv4/udp.c", "same port shared" },
		{ "POSIX", "bind() of port 0: no SO_REUSEPORT in POSIX", "unspecified" },
		{ "BSD", "in_pcb_lport(): SO_REUSEPORT sockets may share an ephemeral port", "same port shared" },
	},
	.tags = {
		{ "bug", "https://github.com/envoyproxy/envoy/issues/19283", "udp: default-on SO_REUSEPORT doesn't work with listening on port 0", "" },
		{ "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option", "v6.3" },
	},
	.run = run,
};
