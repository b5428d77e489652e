// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_address_length_over_storage_einval
 *
 * sendto() refuses an address length longer than sizeof(struct
 * sockaddr_storage) (128) with EINVAL before any protocol sees it, whereas
 * sendmsg() cuts such a msg_namelen down to 128 and carries on
 * (udp.send.sendmsg_namelen_over_storage_clamped).
 *
 * References: move_addr_to_kernel() in net/socket.c ("ulen > sizeof(struct
 * sockaddr_storage) ... -EINVAL"), called by __sys_sendto(); POSIX sendto()
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
	expect_errno(p,
		     sock_sendto_len(p, client, "too long", peer, sizeof(struct sockaddr_storage) + 1),
		     EINVAL);
	must(p, sock_send(p, client, "sentinel"));
	expect_datagram(p, sock_recv(p, server), "sentinel", addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.send.sendto_address_length_over_storage_einval",
	.sentence = "sendto() with an address length over sizeof(struct sockaddr_storage) fails "
		    "with EINVAL.",
	.why = "__sys_sendto() copies the address with move_addr_to_kernel(), which refuses a "
	       "length over sizeof(struct sockaddr_storage) with -EINVAL.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "move_addr_to_kernel() in net/socket.c", "EINVAL" },
		{ "POSIX", "sendto(): [EINVAL] dest_len not a valid length", "EINVAL" },
		{ "BSD", "sockargs() in 4.4BSD: buflen > MLEN is EINVAL", "EINVAL" },
	},
	.run = run,
};
