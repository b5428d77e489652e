// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.unconnected_send_edestaddrreq
 *
 * send() and write() carry no destination; on a socket that has no peer
 * either, there is nowhere to send to.  Linux fails them with EDESTADDRREQ,
 * which is also what 4.4BSD returns; POSIX lists ENOTCONN for send() on a
 * connection-mode socket that is not connected, and for a datagram socket
 * with no peer it only offers EDESTADDRREQ for sendto() without an address.
 *
 * References: udp(7); udp_sendmsg() in net/ipv4/udp.c and udpv6_sendmsg()
 * in net/ipv6/udp.c; POSIX send(); Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), EDESTADDRREQ);
	expect_errno(p, sock_send_write(p, client, "ping"), EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.send.unconnected_send_edestaddrreq",
	.sentence = "send() and write() on an unconnected UDP socket fail with EDESTADDRREQ.",
	.why = "udp_sendmsg() (udpv6_sendmsg() for IPv6) finds no address in the "
	       "message and the socket not in TCP_ESTABLISHED, so it returns "
	       "-EDESTADDRREQ before any route lookup.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp(7); udp_sendmsg() in net/ipv4/udp.c", "EDESTADDRREQ" },
		{ "POSIX", "send(): [ENOTCONN] The socket is not connected", "ENOTCONN" },
		{ "BSD", "Stevens UNP vol. 1 §8.11; udp_output() in 4.4BSD", "EDESTADDRREQ" },
	},
	.run = run,
};
