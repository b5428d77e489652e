// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.fionread_first_datagram_only
 *
 * ioctl(FIONREAD) (SIOCINQ, the same request) on a UDP socket answers the
 * size of the datagram at the head of the queue, not the bytes queued in
 * all: 0 while nothing is queued, then the first datagram's payload length
 * with a second datagram behind it, then the second's once the first is
 * read.
 *
 * Ordering: a sentinel sent to another socket of the server after both
 * datagrams is read first, so both are queued when FIONREAD is asked.
 *
 * References: udp(7) "FIONREAD (SIOCINQ) Gets a pointer to an integer as
 * argument. Returns the size of the next pending datagram in the integer
 * in bytes, or 0 when no datagram is pending"; udp_ioctl() ->
 * first_packet_length() in net/ipv4/udp.c (IPv6 uses the same udp_ioctl).
 */
#include "udpc.h"

#include <errno.h>
#include <linux/sockios.h>
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
	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 0);

	must(p, sock_sendto(p, client, "first datagram", at_server));
	must(p, sock_sendto(p, client, "2nd", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 14);
	expect_datagram(p, sock_recv(p, server), "first datagram", at_client);
	expect_value(p, sock_ioctl_int(p, server, IOCTL(SIOCINQ)), 3);
}

const struct rule rule = {
	.id = "udp.recv.fionread_first_datagram_only",
	.sentence = "FIONREAD (SIOCINQ) on a UDP socket answers the payload size of the first "
		    "queued datagram only, and 0 when none is queued.",
	.why = "udp_ioctl() answers SIOCINQ (= FIONREAD) with first_packet_length(), "
	       "the length of the skb at the head of the reader queue, or 0 if it is "
	       "empty.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) FIONREAD; udp_ioctl() in net/ipv4/udp.c", "0, 14, then 3" },
		{ "POSIX", "FIONREAD is not in POSIX sockets", "not specified" },
		{ "BSD", "FreeBSD: FIONREAD is the whole receive buffer (so_rcv.sb_cc)", "0, 17, then 3" },
	},
	.run = run,
};
