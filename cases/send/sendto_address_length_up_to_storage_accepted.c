// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_address_length_up_to_storage_accepted
 *
 * sendto() accepts an address length longer than the family's sockaddr, up
 * to sizeof(struct sockaddr_storage) (128): the kernel copies that much and
 * UDP reads only the sockaddr_in or sockaddr_in6 at its start.  The
 * datagram reaches the address named, here the stranger rather than the
 * connected peer.
 *
 * References: move_addr_to_kernel() in net/socket.c ("if (ulen < 0 || ulen
 * > sizeof(struct sockaddr_storage)) return -EINVAL"); udp_sendmsg() in
 * net/ipv4/udp.c (only "msg_namelen < sizeof(*usin)" is refused);
 * udp.send.sendto_address_length_over_storage_einval for one byte more.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_sendto_len(p, client, "long name", at_stranger,
				     sizeof(struct sockaddr_storage)));
	expect_datagram(p, sock_recv(p, stranger), "long name", addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.send.sendto_address_length_up_to_storage_accepted",
	.sentence = "sendto() on a UDP socket accepts an address length up to "
		    "sizeof(struct sockaddr_storage) and sends to the address at its start.",
	.why = "move_addr_to_kernel() copies up to sizeof(struct sockaddr_storage) bytes, and "
	       "udp_sendmsg() (udpv6_sendmsg()) refuses only a length shorter than its "
	       "sockaddr, reading the address from the first bytes.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "move_addr_to_kernel() in net/socket.c", "sent" },
		{ "POSIX", "sendto(): dest_len is the length of the address", "unspecified" },
		{ "BSD", "in_pcbconnect() in 4.4BSD: nam->m_len != sizeof(*sin) is EINVAL",
		  "EINVAL" },
	},
	.run = run,
};
