// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.bind_after_connect_einval
 *
 * connect() on an unbound UDP socket binds it (an ephemeral port, the
 * route's source).  A bind() after that is a second bind: it fails with
 * EINVAL, to the wildcard as to any address, and the socket keeps the
 * local address connect() gave it and its peer.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc UdpSocketTest.Connect
 * ("Try to bind after connect" -> EINVAL); issue 13 (bind() after
 * connect()); __inet_bind() in net/ipv4/af_inet.c and __inet6_bind() in
 * net/ipv6/af_inet6.c (EINVAL once inet_num is set, here by
 * inet_autobind() from inet_dgram_connect()).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_connect(p, client, server));
	expect_errno(p, sock_bind(p, client, addr_wildcard(p, 0)), EINVAL);
	expect_errno(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)), EINVAL);
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_addr(p, sock_getpeername(p, client), server);
}

const struct rule rule = {
	.id = "udp.bind.bind_after_connect_einval",
	.sentence = "bind() on a UDP socket that connect() has bound fails with EINVAL, and the "
		    "socket keeps the local address connect() gave it and its peer.",
	.why = "inet_dgram_connect() autobinds an unbound socket (inet_autobind() sets "
	       "inet_num), and __inet_bind()/__inet6_bind() refuse any bind once inet_num is "
	       "set.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "EINVAL" },
		{ "POSIX", "bind(): [EINVAL] the socket is already bound", "EINVAL" },
		{ "BSD", "in_pcbbind(): EINVAL once inp_lport is set", "EINVAL" },
	},
	.run = run,
};
