// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_zero_address_length_einval
 *
 * sendto() with an address and a length of 0 is not "no address": the
 * kernel passes the address on with length 0, and UDP refuses it as too
 * short with EINVAL, even on a connected socket, which would have had a
 * peer to send to.  (sendmsg() treats msg_namelen 0 as no name:
 * udp.send.sendmsg_zero_namelen_means_no_name.)
 *
 * References: __sys_sendto() in net/socket.c (msg_name set whenever addr
 * is not NULL; move_addr_to_kernel() copies nothing for length 0);
 * udp_sendmsg() in net/ipv4/udp.c ("if (msg->msg_namelen < sizeof(*usin))
 * return -EINVAL"), udpv6_sendmsg() in net/ipv6/udp.c; POSIX sendto()
 * [EINVAL] "dest_len argument is not a valid length".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr peer = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, peer));
	must(p, sock_connect(p, client, peer));
	expect_errno(p, sock_sendto_len(p, client, "length 0", peer, 0), EINVAL);
	must(p, sock_send(p, client, "sentinel"));
	expect_datagram(p, sock_recv(p, server), "sentinel", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.send.sendto_zero_address_length_einval",
	.sentence = "sendto() with an address of length 0 fails with EINVAL, even on a "
		    "connected UDP socket.",
	.why = "__sys_sendto() sets msg_name for any non-NULL address, msg_namelen 0 "
	       "included, and udp_sendmsg() (udpv6_sendmsg()) returns -EINVAL for a msg_name "
	       "shorter than the family's sockaddr before looking at the peer.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__sys_sendto() in net/socket.c; udp_sendmsg()", "EINVAL" },
		{ "POSIX", "sendto(): [EINVAL] dest_len not valid; or ignored when connected",
		  "EINVAL or sent" },
		{ "BSD", "sockargs() in 4.4BSD: a name shorter than its header is EINVAL", "EINVAL" },
	},
	.run = run,
};
