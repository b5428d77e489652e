// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendmsg_namelen_over_storage_clamped
 *
 * sendmsg() with a msg_namelen longer than sizeof(struct sockaddr_storage)
 * (here 256) is not refused: the kernel cuts the length down to 128, reads
 * that much, and the datagram goes to the address named.  sendto() with
 * such a length is EINVAL (udp.send.sendto_address_length_over_storage_
 * einval): the two calls check the same length differently.
 *
 * References: __copy_msghdr() in net/socket.c ("if (kmsg->msg_namelen >
 * sizeof(struct sockaddr_storage)) kmsg->msg_namelen = sizeof(struct
 * sockaddr_storage)"); udp_sendmsg() in net/ipv4/udp.c; POSIX sendmsg()
 * [EINVAL] for an invalid msg_namelen.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_ok(p, sock_sendmsg_namelen(p, client, "namelen 256", at_stranger,
					  2 * sizeof(struct sockaddr_storage)));
	expect_datagram(p, sock_recv(p, stranger), "namelen 256",
			addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.send.sendmsg_namelen_over_storage_clamped",
	.sentence = "sendmsg() on a UDP socket with a msg_namelen over sizeof(struct "
		    "sockaddr_storage) uses the first 128 bytes and sends to the address named.",
	.why = "__copy_msghdr() lowers msg_namelen to sizeof(struct sockaddr_storage) instead "
	       "of failing, and move_addr_to_kernel() copies that much; udp_sendmsg() "
	       "(udpv6_sendmsg()) reads its sockaddr from the start.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__copy_msghdr() in net/socket.c", "sent" },
		{ "POSIX", "sendmsg(): [EINVAL] may be returned for a bad length", "EINVAL" },
		{ "BSD", "sockargs() in 4.4BSD: buflen > MLEN is EINVAL", "EINVAL" },
	},
	.run = run,
};
