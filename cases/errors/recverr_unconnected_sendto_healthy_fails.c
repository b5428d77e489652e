// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.recverr_unconnected_sendto_healthy_fails
 *
 * IP_RECVERR makes an unconnected socket keep a pending error, and the
 * pending error is the socket's: after a sendto() to a closed port drew a
 * port unreachable, the next sendto() to a *healthy* destination fails
 * with ECONNREFUSED and its datagram never leaves.  The error queue entry
 * stays, and the sendto() after that succeeds.  bun hit this in its UDP
 * sockets (PR #36249, after #29135 for issue #29116): one peer's
 * unreachable port broke the next send to any other peer.
 *
 * Absence by ordering and counter: the stranger's first datagram from the
 * client is the one sent after the failure, and it counts one datagram in.
 *
 * References: ip(7) IP_RECVERR ("the socket error is set ... the pending
 * error"); __udp4_lib_err() in net/ipv4/udp.c (with RECVERR: sk_err = err
 * for any socket state), __udp6_lib_err() in net/ipv6/udp.c;
 * sock_alloc_send_pskb() in net/core/sock.c fails with sock_error().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sockopt_recverr_on(p, client));
	must(p, sock_sendto(p, client, "to a closed port", addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_poll(p, client, 0));
	long in = mib_read(p, HOST_STRANGER, MIB_UDP_IN_DATAGRAMS);

	expect_errno(p, sock_sendto(p, client, "to a healthy peer", at_stranger), ECONNREFUSED);
	expect_ok(p, sock_sendto(p, client, "again", at_stranger));
	expect_datagram(p, sock_recv(p, stranger), "again", addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_long(p, "datagrams the stranger received", 1,
		    mib_read(p, HOST_STRANGER, MIB_UDP_IN_DATAGRAMS) - in);
	expect_errqueue(p, errq_recv(p, client), errq_port_unreachable(p));
}

const struct rule rule = {
	.id = "udp.errors.recverr_unconnected_sendto_healthy_fails",
	.sentence = "With IP_RECVERR (IPV6_RECVERR) on an unconnected UDP socket, the sendto() after "
		    "a port unreachable fails with ECONNREFUSED even to a healthy destination, and "
		    "sends nothing.",
	.why = "With RECVERR, __udp4_lib_err() (__udp6_lib_err()) sets sk_err whether or "
	       "not the socket is connected, and sock_alloc_send_pskb() returns "
	       "sock_error() before any datagram is built, whatever its destination.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; sock_alloc_send_pskb() in net/core/sock.c",
		  "ECONNREFUSED, nothing sent; then sent" },
		{ "POSIX", "no IP_RECVERR", "not specified" },
		{ "BSD", "no IP_RECVERR; an unconnected socket gets no ICMP errors", "sent" },
	},
	.tags = { { "bug", "https://github.com/oven-sh/bun/pull/36249",
		    "udp: retry unconnected send once when a stale ICMP poisons sk_err", "" } },
	.run = run,
};
