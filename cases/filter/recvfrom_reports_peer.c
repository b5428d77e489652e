// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.recvfrom_reports_peer
 *
 * recvfrom() on a connected UDP socket still fills in the source address,
 * and it is the peer's: the same address getpeername() reports.  Only the
 * peer can be the source, yet the kernel does not leave the address out.
 *
 * References: recvfrom(2); udp_recvmsg() in net/ipv4/udp.c and
 * udpv6_recvmsg() in net/ipv6/udp.c (fill msg_name from the datagram's
 * headers, whatever the socket's state); POSIX recvfrom(); Stevens UNP
 * vol. 1 §8.11.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, at_client));
	must(p, sock_connect(p, client, at_server));
	must(p, sock_sendto(p, server, "reply", at_client));

	expect_datagram(p, sock_recv(p, client), "reply", at_server);
	expect_addr(p, sock_getpeername(p, client), at_server);
}

const struct rule rule = {
	.id = "udp.filter.recvfrom_reports_peer",
	.sentence = "recvfrom() on a connected UDP socket reports the peer's address as the source.",
	.why = "udp_recvmsg() (udpv6_recvmsg() for IPv6) copies the source address and "
	       "port from each datagram's IP and UDP headers into msg_name whenever the "
	       "caller asks for it; connect() changes which datagrams arrive, not how "
	       "they are read.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "recvfrom(2); udp_recvmsg() in net/ipv4/udp.c", "the peer's address" },
		{ "POSIX", "recvfrom(): address stores the sending address", "the peer's address" },
		{ "BSD", "Stevens UNP vol. 1 §8.11", "the peer's address" },
	},
	.run = run,
};
