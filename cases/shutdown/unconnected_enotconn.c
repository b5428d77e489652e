// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.unconnected_enotconn
 *
 * A UDP socket that is not connected has no association to shut down:
 * shutdown() with SHUT_RD, SHUT_WR or SHUT_RDWR fails with ENOTCONN,
 * whether the socket is unbound or bound to an address and port.
 * (It is not a no-op all the same, see
 * udp.shutdown.unconnected_shut_rd_still_applies.)
 *
 * References: POSIX shutdown() [ENOTCONN] "The socket is not connected";
 * inet_shutdown() in net/ipv4/af_inet.c ("case TCP_CLOSE: err =
 * -ENOTCONN;"), the state of every UDP socket that is not connected;
 * gVisor test/syscalls/linux/udp_socket.cc ReadShutdown, WriteShutdown.
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	static const int hows[] = { SHUT_RD, SHUT_WR, SHUT_RDWR };

	for (int i = 0; i < 3; i++) {
		struct sock *unbound = sock_open(p, HOST_CLIENT, "unbound");
		struct sock *bound = sock_open(p, HOST_CLIENT, "bound");
		must(p, sock_bind(p, bound, addr_host(p, HOST_CLIENT, PORT_CLIENT + i * 10)));
		expect_errno(p, sock_shutdown(p, unbound, hows[i]), ENOTCONN);
		expect_errno(p, sock_shutdown(p, bound, hows[i]), ENOTCONN);
	}
}

const struct rule rule = {
	.id = "udp.shutdown.unconnected_enotconn",
	.sentence = "shutdown() with SHUT_RD, SHUT_WR or SHUT_RDWR on a UDP socket that is not "
		    "connected, bound or not, fails with ENOTCONN.",
	.why = "An unconnected UDP socket is in TCP_CLOSE, and inet_shutdown() answers "
	       "-ENOTCONN for that state.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "ENOTCONN" },
		{ "POSIX", "shutdown(): [ENOTCONN] the socket is not connected", "ENOTCONN" },
		{ "BSD", "FreeBSD soshutdown(): not connected is ENOTCONN", "ENOTCONN" },
	},
	.run = run,
};
