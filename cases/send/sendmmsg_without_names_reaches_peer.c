// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendmmsg_without_names_reaches_peer
 *
 * sendmmsg() sends a vector of messages in one call.  On a connected UDP
 * socket, messages without a name go to the peer, each as a datagram of
 * its own, in order; sendmmsg() returns the number of messages sent (3),
 * not bytes.
 *
 * References: sendmmsg(2) (Linux 3.0); __sys_sendmmsg() in net/socket.c
 * (___sys_sendmsg() per message); udp_sendmsg() in net/ipv4/udp.c and
 * udpv6_sendmsg() in net/ipv6/udp.c (msg_name NULL: the stored peer).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	static const char *const messages[] = { "one", "two", "three", NULL };
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_sendmmsg_noname(p, client, messages));
	expect_datagram(p, sock_recv(p, server), "one", from_client);
	expect_datagram(p, sock_recv(p, server), "two", from_client);
	expect_datagram(p, sock_recv(p, server), "three", from_client);
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.send.sendmmsg_without_names_reaches_peer",
	.sentence = "sendmmsg() without names on a connected UDP socket sends each message to "
		    "the peer as a datagram of its own and returns the number of messages.",
	.why = "__sys_sendmmsg() calls ___sys_sendmsg() for each message in turn; each reaches "
	       "udp_sendmsg() (udpv6_sendmsg()) with msg_name NULL and goes to the stored "
	       "peer; the count of messages sent is returned.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "sendmmsg(2); __sys_sendmmsg() in net/socket.c",
		  "3; three datagrams in order" },
		{ "POSIX", "no sendmmsg()", "not specified" },
		{ "BSD", "FreeBSD sendmmsg(2): the number of messages sent",
		  "3; three datagrams in order" },
	},
	.run = run,
};
