// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.foreign_datagram_refused_to_connected_sender
 *
 * A connected socket does not silently swallow a datagram from someone
 * other than its peer: the datagram is not delivered to it at all, so when
 * no other socket on the port takes it the receiving host answers with ICMP
 * port unreachable, exactly as for a port where nothing is bound.  A sender
 * that is itself connected (the stranger, connected to the server's
 * address) therefore gets ECONNREFUSED, although a socket is bound there.
 *
 * References: udp(7); __udp4_lib_rcv() in net/ipv4/udp.c (no socket found:
 * icmp_send(ICMP_PORT_UNREACH)), __udp6_lib_rcv() in net/ipv6/udp.c;
 * compute_score() rejects a connected socket for a foreign source;
 * __udp4_lib_err() turns the ICMP into ECONNREFUSED; Stevens UNP vol. 1
 * §8.9, §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	long refused = mib_read(p, HOST_SERVER, MIB_ICMP_OUT_DEST_UNREACHS);

	must(p, sock_bind(p, server, at_server));
	must(p, sock_connect(p, server, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, stranger, at_server));

	expect_ok(p, sock_send(p, stranger, "let me in"));
	expect_errno(p, sock_recv(p, stranger), ECONNREFUSED);
	expect_long(p, "ICMP destination unreachable sent by server", 1,
		    mib_read(p, HOST_SERVER, MIB_ICMP_OUT_DEST_UNREACHS) - refused);
}

const struct rule rule = {
	.id = "udp.filter.foreign_datagram_refused_to_connected_sender",
	.sentence = "A datagram from a stranger to a port whose only socket is connected "
		    "elsewhere is answered with ICMP port unreachable, so a connected "
		    "stranger gets ECONNREFUSED.",
	.why = "compute_score() (net/ipv4/udp.c, net/ipv6/udp.c) gives a connected "
	       "socket no score for a foreign source, the lookup in __udp4_lib_rcv() "
	       "(__udp6_lib_rcv()) finds no socket and answers ICMP port unreachable; "
	       "__udp4_lib_err() (__udp6_lib_err()) on the stranger's host records "
	       "ECONNREFUSED because the stranger's socket is connected.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp(7); __udp4_lib_rcv() in net/ipv4/udp.c", "ECONNREFUSED" },
		{ "POSIX", "connect(): datagrams from other addresses are discarded; "
			   "no word on ICMP", "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11 (udp_input() finds no PCB, "
			 "ICMP port unreachable)", "ECONNREFUSED" },
	},
	.run = run,
};
