/* udp.connect.bind_port_zero_range_exhausted_eaddrinuse
 *
 * bind() to port 0 asks for an ephemeral port.  With the range cut down to
 * one port (ip_local_port_range "40000 40000" in the client's namespace)
 * held by a first socket, a second socket's bind() to port 0 fails with
 * EADDRINUSE, where connect() in the same state says EAGAIN
 * (udp.connect.ephemeral_range_exhausted_eagain).
 *
 * References: __inet_bind() in net/ipv4/af_inet.c (get_port() failing is
 * -EADDRINUSE), udp_lib_get_port() in net/ipv4/udp.c; ip(7)
 * ip_local_port_range; POSIX bind() [EADDRINUSE], [EADDRNOTAVAIL].
 */
#include "sysctl.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *first = sock_open(p, HOST_CLIENT, "first");
	struct sock *second = sock_open(p, HOST_CLIENT, "second");

	sysctl_host_set(p, HOST_CLIENT, "ipv4/ip_local_port_range", "40000 40000");
	expect_ok(p, sock_bind(p, first, addr_wildcard(p, 0)));
	struct call name = sock_getsockname(p, first);
	expect_long(p, "getsockname(first) port: the one port of the range", 40000,
		    addr_port(&name.addr));
	expect_errno(p, sock_bind(p, second, addr_wildcard(p, 0)), EADDRINUSE);
	expect_addr(p, sock_getsockname(p, second), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.connect.bind_port_zero_range_exhausted_eaddrinuse",
	.sentence = "bind() of a UDP socket to port 0 fails with EADDRINUSE when every port of "
		    "the ephemeral range is taken.",
	.why = "__inet_bind() (__inet6_bind()) asks udp_lib_get_port() for port 0, which "
	       "finds none free in inet_sk_get_local_port_range(), and returns -EADDRINUSE.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "EADDRINUSE" },
		{ "POSIX", "bind(): [EADDRINUSE] / [EADDRNOTAVAIL]", "EADDRINUSE or EADDRNOTAVAIL" },
		{ "BSD", "in_pcbbind() in 4.4BSD: EADDRINUSE when the range is exhausted",
		  "EADDRINUSE" },
	},
	.run = run,
};
