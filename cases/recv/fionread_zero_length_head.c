// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.fionread_zero_length_head
 *
 * FIONREAD cannot tell an empty queue from a queue whose first datagram
 * is empty: with a zero-length datagram at the head it answers 0, although
 * poll() says the socket is readable and recv() returns that datagram (0
 * bytes, with its source).  Only after it is read does FIONREAD show the
 * datagram queued behind it.  gVisor's FIONREADZeroLengthPacket checks the
 * same.
 *
 * References: udp(7) FIONREAD ("or 0 when no datagram is pending");
 * udp_ioctl() -> first_packet_length() in net/ipv4/udp.c, which returns
 * skb->len, 0 for an empty datagram.
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>

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
	must(p, sock_sendto(p, client, "", at_server));
	must(p, sock_sendto(p, client, "behind", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_revents(p, sock_poll(p, server, POLLIN), POLLIN);
	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 0);
	expect_datagram(p, sock_recv(p, server), "", at_client);
	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 6);
}

const struct rule rule = {
	.id = "udp.recv.fionread_zero_length_head",
	.sentence = "FIONREAD on a UDP socket whose first queued datagram is empty answers 0, "
		    "though the socket is readable and recv() returns that datagram.",
	.why = "first_packet_length() returns the head skb's length, which is 0 for an "
	       "empty datagram, and udp_ioctl() answers max(0, that); udp_poll() "
	       "reports POLLIN because the queue is not empty.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) FIONREAD; first_packet_length() in net/ipv4/udp.c",
		  "POLLIN, 0, an empty datagram, then 6" },
		{ "POSIX", "FIONREAD is not in POSIX sockets", "not specified" },
		{ "BSD", "FreeBSD: FIONREAD counts the bytes in the receive buffer", "6" },
	},
	.run = run,
};
