// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.negative_address_length_einval
 *
 * The kernel reads the address length as a signed int: sendto() with a
 * length of -1 ((socklen_t)-1) and sendmsg() with msg_namelen -1 both fail
 * with EINVAL before the address is read, and nothing is sent (the peer's
 * first datagram is the sentinel).
 *
 * References: move_addr_to_kernel() in net/socket.c ("if (ulen < 0 || ulen
 * > sizeof(struct sockaddr_storage)) return -EINVAL"), called by
 * __sys_sendto(); __copy_msghdr() ("if (kmsg->msg_namelen < 0) return
 * -EINVAL"); POSIX sendto() [EINVAL]; LTP sendto01, sendmsg01 "invalid to
 * buffer length".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_errno(p, sock_sendto_len(p, client, "by sendto", at_server, (socklen_t)-1), EINVAL);
	expect_errno(p, sock_sendmsg_namelen(p, client, "by sendmsg", at_server, (socklen_t)-1),
		     EINVAL);
	must(p, sock_sendto(p, client, "sentinel", at_server));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.negative_address_length_einval",
	.sentence = "sendto() and sendmsg() on a UDP socket with an address length of -1 fail "
		    "with EINVAL and send nothing.",
	.why = "The length reaches the kernel as an int: move_addr_to_kernel() (sendto()) and "
	       "__copy_msghdr() (sendmsg()) refuse a negative one with -EINVAL before any "
	       "protocol code runs.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "move_addr_to_kernel(), __copy_msghdr() in net/socket.c", "EINVAL" },
		{ "POSIX", "sendto(): [EINVAL] dest_len not a valid length", "EINVAL" },
		{ "BSD", "sockargs() in 4.4BSD: an unsigned length over MLEN is EINVAL", "EINVAL" },
	},
	.run = run,
};
