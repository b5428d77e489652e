// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.fionread_unchanged_by_shutdown
 *
 * shutdown() does not touch what is already queued on a UDP socket:
 * FIONREAD keeps answering the size of the queued datagram after
 * shutdown(SHUT_WR) and after shutdown(SHUT_RD), and the datagram can
 * still be read.  gVisor checks the same (FIONREADShutdown,
 * FIONREADWriteShutdown).
 *
 * Ordering: a sentinel sent to another socket of the server after the
 * datagram is read first, so the datagram is queued before FIONREAD.
 *
 * References: udp(7) FIONREAD; inet_shutdown() in net/ipv4/af_inet.c only
 * sets sk_shutdown for a UDP socket (no protocol shutdown, no queue
 * purge); udp_ioctl() -> first_packet_length() in net/ipv4/udp.c reads the
 * queue without looking at sk_shutdown.
 */
#include "udpc.h"

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
	must(p, sock_connect(p, server, at_client));
	must(p, sock_sendto(p, client, "queued", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 6);
	must(p, sock_shutdown(p, server, SHUT_WR));
	expect_value(p, sock_ioctl_int(p, server, IOCTL(FIONREAD)), 6);
	must(p, sock_shutdown(p, server, SHUT_RD));
	expect_value(p, sock_ioctl_int(p, server, IOCTL(SIOCINQ)), 6);
	expect_datagram(p, sock_recv_nowait(p, server), "queued", at_client);
}

const struct rule rule = {
	.id = "udp.recv.fionread_unchanged_by_shutdown",
	.sentence = "FIONREAD on a connected UDP socket still answers the queued datagram's size "
		    "after shutdown(SHUT_WR) and shutdown(SHUT_RD), and the datagram is still read.",
	.why = "inet_shutdown() only sets sk_shutdown for UDP; first_packet_length() and "
	       "__skb_recv_udp() find the queued skb as before.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_shutdown(); udp_ioctl() in net/ipv4/udp.c", "6, 6, 6; \"queued\"" },
		{ "POSIX", "shutdown(): SHUT_RD disables further receive operations",
		  "not specified" },
		{ "BSD", "FreeBSD: SHUT_RD flushes the receive buffer (sorflush())", "0 after SHUT_RD" },
	},
	.run = run,
};
