// SPDX-License-Identifier: GPL-2.0-only
/* udp.shutdown.invalid_how_einval
 *
 * shutdown() knows three directions.  Any other value of `how` (3, -1) is
 * refused with EINVAL before the socket is looked at, and changes nothing:
 * the connected socket still sends to its peer afterwards.
 *
 * References: POSIX shutdown() [EINVAL] "The how argument is invalid";
 * inet_shutdown() in net/ipv4/af_inet.c ("how++; if ((how &
 * ~SHUTDOWN_MASK) || !how) return -EINVAL;").
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, client, at_server));

	expect_errno(p, sock_shutdown(p, client, 3), EINVAL);
	expect_errno(p, sock_shutdown(p, client, -1), EINVAL);
	expect_ok(p, sock_send(p, client, "still open"));
	expect_datagram(p, sock_recv(p, server), "still open", addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.shutdown.invalid_how_einval",
	.sentence = "shutdown() on a UDP socket with a how other than SHUT_RD, SHUT_WR or SHUT_RDWR "
		    "fails with EINVAL and leaves the socket as it was.",
	.why = "inet_shutdown() maps how 0..2 to the bits RCV_SHUTDOWN/SEND_SHUTDOWN and returns "
	       "-EINVAL for anything else before it takes the socket lock.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "EINVAL" },
		{ "POSIX", "shutdown(): [EINVAL] the how argument is invalid", "EINVAL" },
		{ "BSD", "FreeBSD kern_shutdown()/soshutdown(): EINVAL", "EINVAL" },
	},
	.run = run,
};
