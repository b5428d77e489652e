// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.read_on_connected_socket
 *
 * A connected UDP socket can be read with plain read(): it returns one
 * whole datagram from the peer per call, the next call the next datagram.
 * No source address is needed, since connect() fixed the only one.
 *
 * Ordering: a sentinel sent to another socket of the server after both
 * datagrams is read first, so both are queued before the first read().
 *
 * References: POSIX read() on a socket is recv() with no flags; udp(7)
 * "All receive operations return only one packet"; Stevens UNP vol. 1
 * §8.11 ("we can call read ... on a connected UDP socket"); sock_read_iter()
 * in net/socket.c -> inet_recvmsg() -> udp_recvmsg() (udpv6_recvmsg()).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *other = sock_open(p, HOST_SERVER, "other");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, other, addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, server, at_client));
	must(p, sock_sendto(p, client, "first", at_server));
	must(p, sock_sendto(p, client, "second", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_payload(p, sock_recv_read(p, server), "first");
	expect_payload(p, sock_recv_read(p, server), "second");
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.read_on_connected_socket",
	.sentence = "read() on a connected UDP socket returns one whole datagram from the peer "
		    "per call.",
	.why = "read() on a socket is sock_read_iter(), which calls the protocol's "
	       "recvmsg (udp_recvmsg(), udpv6_recvmsg()) with no flags and no name.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sock_read_iter() in net/socket.c", "\"first\", then \"second\"" },
		{ "POSIX", "read(): on a socket, equivalent to recv() with no flags",
		  "one datagram per call" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "one datagram per call" },
	},
	.run = run,
};
