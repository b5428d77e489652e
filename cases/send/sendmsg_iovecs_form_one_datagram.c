// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendmsg_iovecs_form_one_datagram
 *
 * sendmsg() with no name and several iovecs on a connected UDP socket
 * sends one datagram to the peer, the iovecs concatenated: "sc", "at",
 * "ter" arrive as "scatter", and sendmsg() returns the total length.
 *
 * References: sendmsg(2); ____sys_sendmsg() in net/socket.c (the iovecs
 * become the msghdr's iov_iter); udp_sendmsg() in net/ipv4/udp.c and
 * udpv6_sendmsg() in net/ipv6/udp.c (one datagram per call, to the peer
 * when msg_name is NULL); POSIX sendmsg() "the data ... shall be sent as
 * a single message"; gVisor test/syscalls/linux/udp_socket.cc
 * (SendAndReceive with multiple iovecs).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	static const char *const parts[] = { "sc", "at", "ter", NULL };
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_sendmsg_iov(p, client, parts));
	expect_datagram(p, sock_recv(p, server), "scatter", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.sendmsg_iovecs_form_one_datagram",
	.sentence = "sendmsg() with several iovecs and no name on a connected UDP socket sends "
		    "them as one datagram to the peer.",
	.why = "____sys_sendmsg() hands udp_sendmsg() (udpv6_sendmsg()) one msghdr whose "
	       "iov_iter spans every iovec; with msg_name NULL the destination is the stored "
	       "peer, and one call makes one datagram.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sendmsg(2); udp_sendmsg() in net/ipv4/udp.c", "one datagram" },
		{ "POSIX", "sendmsg(): the message is sent as a single message", "one datagram" },
		{ "BSD", "Stevens UNP vol. 1 §14.5", "one datagram" },
	},
	.run = run,
};
