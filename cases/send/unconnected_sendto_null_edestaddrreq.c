/* udp.send.unconnected_sendto_null_edestaddrreq
 *
 * sendto() with a NULL address on a socket that has no peer has nowhere to
 * send: it fails with EDESTADDRREQ, which is what POSIX lists for exactly
 * this case and what 4.4BSD returns.
 *
 * References: udp(7); __sys_sendto() in net/socket.c, udp_sendmsg() in
 * net/ipv4/udp.c, udpv6_sendmsg() in net/ipv6/udp.c; POSIX sendto()
 * "[EDESTADDRREQ] The socket is not connection-mode and no peer address is
 * set, and no destination address was specified"; Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_sendto_null(p, client, "nowhere"), EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.send.unconnected_sendto_null_edestaddrreq",
	.sentence = "sendto() with a NULL address on an unconnected UDP socket fails with "
		    "EDESTADDRREQ.",
	.why = "__sys_sendto() passes no msg_name for a NULL address, and udp_sendmsg() "
	       "(udpv6_sendmsg() for IPv6) returns -EDESTADDRREQ when there is no "
	       "address and the socket is not in TCP_ESTABLISHED.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp(7); udp_sendmsg() in net/ipv4/udp.c", "EDESTADDRREQ" },
		{ "POSIX", "sendto(): [EDESTADDRREQ] no peer address set, none specified",
		  "EDESTADDRREQ" },
		{ "BSD", "Stevens UNP vol. 1 §8.11; udp_output() in 4.4BSD", "EDESTADDRREQ" },
	},
	.run = run,
};
