// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_null_address_length_ignored
 *
 * sendto() with a NULL address and a nonzero length sends to the peer of a
 * connected UDP socket: with no address there is nothing for the length to
 * describe, and the kernel never reads it.
 *
 * References: POSIX sendto() "If the socket is connection-mode, dest_addr
 * shall be ignored" and, for the NULL address, the length is not used;
 * __sys_sendto() in net/socket.c ("if (addr) { move_addr_to_kernel(addr,
 * addr_len, ...) }": addr_len is only read with an address);
 * udp_sendmsg() in net/ipv4/udp.c (no msg_name: the stored peer).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, peer));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, peer));
	expect_ok(p, sock_sendto_null_len(p, client, "no address", peer.len));
	expect_datagram(p, sock_recv(p, server), "no address", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendto_null_address_length_ignored",
	.sentence = "sendto() with a NULL address and a nonzero length on a connected UDP socket "
		    "ignores the length and sends to the peer.",
	.why = "__sys_sendto() reads addr_len only when addr is not NULL; without a msg_name "
	       "udp_sendmsg() (udpv6_sendmsg()) sends to the stored peer.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__sys_sendto() in net/socket.c", "sent to the peer" },
		{ "POSIX", "sendto(): dest_addr ignored on a connected socket", "sent to the peer" },
		{ "BSD", "sendit() in 4.4BSD: mp->msg_name NULL, no sockargs()", "sent to the peer" },
	},
	.run = run,
};
