// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.unconnected_blocked_recv_not_woken
 *
 * Without IP_RECVERR an unconnected socket is not told about ICMP errors,
 * not even while it sleeps in recv(): the port unreachable its sendto()
 * drew arrives and the blocked recv() goes on sleeping, then returns the
 * next datagram anyone sends it.
 *
 * Proof that the ICMP arrived first: a second socket then sends to the
 * same closed port; its own ECONNREFUSED comes back over the same path,
 * and the client counts both ICMP messages.  Only then does the server
 * send the datagram the blocked recv() must return.
 *
 * References: gVisor packetimpact TestICMPErrorDuringUDPRecv
 * (Connectionless/PortUnreachable); udp(7) "ERROR HANDLING"; Stevens UNP
 * vol. 1 §8.9 ("asynchronous errors are not returned for UDP sockets
 * unless the socket has been connected"); __udp4_lib_err() in
 * net/ipv4/udp.c ("if (!harderr || sk->sk_state != TCP_ESTABLISHED) goto
 * out"), __udp6_lib_err() in net/ipv6/udp.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");
	long unreachables = mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS);

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	struct blocked_recv *b = blocked_recv_start(p, client);
	must(p, sock_sendto(p, client, "to a closed port", closed));
	must(p, sock_connect(p, sentinel, closed));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);
	expect_long(p, "ICMP destination unreachable received by the client", 2,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_DEST_UNREACHS) - unreachables);

	must(p, sock_sendto(p, server, "reply", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, blocked_recv_finish(p, b), "reply", at_server);
}

const struct rule rule = {
	.id = "udp.errors.unconnected_blocked_recv_not_woken",
	.sentence = "A recv() blocked on an unconnected UDP socket is not woken by the ICMP port "
		    "unreachable its sendto() drew, and returns the next datagram.",
	.why = "Without RECVERR __udp4_lib_err() (__udp6_lib_err()) stores an error only "
	       "for a connected socket, so sk_err stays 0, sk_error_report() is never "
	       "called and __skb_recv_udp() sleeps on.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp4_lib_err() in net/ipv4/udp.c", "not woken; returns \"reply\"" },
		{ "POSIX", "not specified", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9", "not woken" },
	},
	.run = run,
};
