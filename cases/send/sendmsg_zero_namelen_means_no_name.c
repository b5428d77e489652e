// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendmsg_zero_namelen_means_no_name
 *
 * sendmsg() with msg_name pointing at an address but msg_namelen 0 sends
 * as if there were no name: on a connected UDP socket, to the peer.  The
 * address named (the stranger) receives nothing: its first datagram is
 * the sentinel sent to it afterwards.  sendto() with length 0 is EINVAL
 * instead (udp.send.sendto_zero_address_length_einval).
 *
 * References: __copy_msghdr() in net/socket.c ("if (msg->msg_name &&
 * kmsg->msg_namelen) ... else { kmsg->msg_name = NULL; kmsg->msg_namelen =
 * 0; }"); udp_sendmsg() in net/ipv4/udp.c (no msg_name: the stored peer);
 * POSIX sendmsg() "msg_name ... ignored on connection-mode sockets".
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_sendmsg_namelen(p, client, "namelen 0", at_stranger, 0));
	expect_datagram(p, sock_recv(p, server), "namelen 0", from_client);
	must(p, sock_sendto(p, client, "sentinel", at_stranger));
	expect_datagram(p, sock_recv(p, stranger), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.sendmsg_zero_namelen_means_no_name",
	.sentence = "sendmsg() with a msg_name but msg_namelen 0 on a connected UDP socket "
		    "sends to the peer, not to the address named.",
	.why = "__copy_msghdr() drops a msg_name whose msg_namelen is 0 (msg_name = NULL), so "
	       "udp_sendmsg() (udpv6_sendmsg()) sees no destination and uses the stored peer.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__copy_msghdr() in net/socket.c", "sent to the peer" },
		{ "POSIX", "sendmsg(): msg_name ignored on a connection-mode socket",
		  "unspecified for datagrams" },
		{ "BSD", "sendit() in 4.4BSD: sockargs() of a 0-length name", "EINVAL" },
	},
	.run = run,
};
