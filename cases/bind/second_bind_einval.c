// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.second_bind_einval
 *
 * A UDP socket is bound once.  A second bind(), to any address, fails with
 * EINVAL and leaves the socket where the first one put it: the kernel
 * refuses because the socket already has a local port, before it looks at
 * the new address at all.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc UdpSocketTest.Bind;
 * __inet_bind() in net/ipv4/af_inet.c and __inet6_bind() in
 * net/ipv6/af_inet6.c ("if (sk->sk_state != TCP_CLOSE || inet->inet_num)
 * goto out_release_sock" with err = -EINVAL); POSIX bind() ("[EINVAL] The
 * socket is already bound to an address").
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr first = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_bind(p, client, first));
	expect_errno(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_OTHER)), EINVAL);
	expect_errno(p, sock_bind(p, client, addr_wildcard(p, PORT_OTHER)), EINVAL);
	expect_addr(p, sock_getsockname(p, client), first);
}

const struct rule rule = {
	.id = "udp.bind.second_bind_einval",
	.sentence = "A second bind() on a bound UDP socket fails with EINVAL, whatever the address, "
		    "and the socket keeps the address and port of the first.",
	.why = "__inet_bind() and __inet6_bind() fail with EINVAL once inet_num (the local "
	       "port) is set, before the new address is examined.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "EINVAL, first address kept" },
		{ "POSIX", "bind(): [EINVAL] the socket is already bound", "EINVAL" },
		{ "BSD", "in_pcbbind() in sys/netinet/in_pcb.c", "EINVAL" },
	},
	.run = run,
};
