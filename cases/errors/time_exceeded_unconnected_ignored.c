// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.time_exceeded_unconnected_ignored
 *
 * An unconnected socket hears nothing of a time exceeded either: its
 * sendto() with TTL 1 (hop limit 1) dies at the router, the ICMP time
 * exceeded arrives, and without IP_RECVERR the socket has no pending
 * error and nothing to receive.  With IP_RECVERR it would (see
 * recverr_unconnected_gets_errors for the port unreachable case).
 *
 * Proof that the ICMP arrived: a second socket then sends to a closed port
 * of the server through the same router, its ECONNREFUSED comes back on
 * the same path, and the client counts one time exceeded in.
 *
 * References: gVisor packetimpact TestUDPICMPErrorPropagation
 * (Connectionless/TimeToLiveExpired); Stevens UNP vol. 1 §8.9 (an
 * unconnected UDP socket is not told of asynchronous errors);
 * __udp4_lib_err() in net/ipv4/udp.c ("if (!harderr || sk->sk_state !=
 * TCP_ESTABLISHED) goto out"), __udp6_lib_err() in net/ipv6/udp.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *sentinel = sock_open(p, HOST_CLIENT, "sentinel");
	long exceeded = mib_read(p, HOST_CLIENT, MIB_ICMP_IN_TIME_EXCDS);

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sockopt_hops_set(p, client, 1));
	must(p, sock_sendto(p, client, "dies at the router", addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, sentinel, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, sentinel, "sentinel"));
	expect_errno(p, sock_recv(p, sentinel), ECONNREFUSED);
	expect_long(p, "ICMP time exceeded received by the client", 1,
		    mib_read(p, HOST_CLIENT, MIB_ICMP_IN_TIME_EXCDS) - exceeded);

	expect_pending_error(p, sockopt_so_error(p, client), 0);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);
}

const struct rule rule = {
	.id = "udp.errors.time_exceeded_unconnected_ignored",
	.sentence = "An ICMP time exceeded (TTL 1) about an unconnected UDP socket's datagram "
		    "leaves that socket no pending error and nothing to receive.",
	.why = "Without RECVERR __udp4_lib_err() (__udp6_lib_err()) stores an error only "
	       "for a hard error on a connected socket; time exceeded is neither.",
	.families = FAM_ALL,
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "__udp4_lib_err() in net/ipv4/udp.c", "SO_ERROR 0, EAGAIN" },
		{ "POSIX", "not specified", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9", "not told" },
	},
	.run = run,
};
