// SPDX-License-Identifier: GPL-2.0-only
/* udp.connect.port_zero_send_goes_to_port_zero
 *
 * A UDP socket connected to port 0 has no peer to name (getpeername() is
 * ENOTCONN), yet send() on it succeeds and the datagram really leaves, to
 * port 0 of the peer's host: no socket can be bound there, so that host
 * counts it in Udp NoPorts.  sendto() to port 0 is EINVAL
 * (udp.send.sendto_port_zero_einval); the connected path never looks.
 *
 * An AF_INET6 socket connected to an IPv4-mapped peer does not send:
 * udpv6_sendmsg() hands the datagram to udp_sendmsg() with the peer written
 * out as a sockaddr_in, port 0 included, and udp_sendmsg() refuses a
 * destination with port 0 (EINVAL).  A known divergence between the
 * families.
 *
 * Proof: the server host's NoPorts counter, read after a sentinel sent
 * next has arrived (ordering on the probe's one CPU).
 *
 * References: udp_sendmsg() in net/ipv4/udp.c (the connected branch takes
 * inet_dport as it is; "if (dport == 0) return -EINVAL" only for a
 * msg_name), udpv6_sendmsg() in net/ipv6/udp.c; __udp4_lib_rcv() (NoPorts);
 * POSIX send().
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *other = sock_open(p, HOST_CLIENT, "other");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, other, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, 0)));
	long noports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_send(p, client, "to port 0"));
	must(p, sock_send(p, other, "sentinel"));
	expect_datagram(p, sock_recv(p, server), "sentinel", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_long(p, "server's Udp NoPorts, up by the datagram to port 0", noports + 1,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS));
}

const struct rule rule = {
	.id = "udp.connect.port_zero_send_goes_to_port_zero",
	.sentence = "send() on a UDP socket connected to port 0 succeeds and sends the datagram "
		    "to port 0 of the peer's host.",
	.why = "udp_sendmsg() (udpv6_sendmsg()) without a msg_name takes the stored peer, "
	       "inet_dport 0 included, without the port check it makes on a msg_name; the "
	       "receiving host finds no socket on port 0 and counts Udp NoPorts.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "sent to port 0" },
		{ "POSIX", "send(): to the peer set by connect()", "unspecified for port 0" },
		{ "BSD", "in_pcbconnect() in 4.4BSD refuses port 0 first", "never connected" },
	},
	.known = {
		.families = FAM_MAPPED,
		.kernels = "all through at least v6.18",
		.cause = "udpv6_sendmsg() in net/ipv6/udp.c passes an IPv4-mapped peer to "
			 "udp_sendmsg() as a sockaddr_in msg_name with sin_port = inet_dport (0), "
			 "and udp_sendmsg() answers a msg_name with port 0 with -EINVAL",
	},
	.run = run,
};
