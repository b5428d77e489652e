// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.pending_error_fails_sendto_other_destination
 *
 * A pending error belongs to the socket, not to the destination: on a
 * connected socket holding ECONNREFUSED, a sendto() to a healthy third
 * host fails with it, and that datagram is not sent.  The error is then
 * taken: the same sendto() made again succeeds and arrives.
 *
 * Absence by ordering and counter: the stranger's first datagram from the
 * client is the second one, and the stranger counts one datagram in.
 *
 * References: gVisor packetimpact TestUDPICMPErrorPropagation
 * (Connected/PortUnreachable/SendToValid); udp(7) "ERROR HANDLING";
 * udp_sendmsg() -> ip_make_skb() -> __ip_append_data() ->
 * sock_alloc_send_skb(), whose sock_alloc_send_pskb() in net/core/sock.c
 * fails with sock_error() first (IPv6: ip6_make_skb(), the same).
 */
#include "udpc.h"

#include <errno.h>
#include <poll.h>

static void run(struct probe *p)
{
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, POLLIN));
	long in = mib_read(p, HOST_STRANGER, MIB_UDP_IN_DATAGRAMS);

	expect_errno(p, sock_sendto(p, client, "lost", at_stranger), ECONNREFUSED);
	expect_ok(p, sock_sendto(p, client, "sent", at_stranger));
	expect_datagram(p, sock_recv(p, stranger), "sent", addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_errno(p, sock_recv_nowait(p, stranger), EAGAIN);
	expect_long(p, "datagrams the stranger received", 1,
		    mib_read(p, HOST_STRANGER, MIB_UDP_IN_DATAGRAMS) - in);
}

const struct rule rule = {
	.id = "udp.errors.pending_error_fails_sendto_other_destination",
	.sentence = "A sendto() to a healthy destination on a connected UDP socket with a pending "
		    "ECONNREFUSED fails with it and sends nothing; the next sendto() is sent.",
	.why = "sock_alloc_send_pskb() returns sock_error() before it allocates the "
	       "datagram, whatever the destination, and the exchange clears sk_err.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "sock_alloc_send_pskb() in net/core/sock.c",
		  "ECONNREFUSED, nothing sent; then sent" },
		{ "POSIX", "sendto(): [ECONNREFUSED] may be returned", "not specified" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: the next operation returns so_error",
		  "ECONNREFUSED" },
	},
	.run = run,
};
