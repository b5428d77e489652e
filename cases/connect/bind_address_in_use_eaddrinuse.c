/* udp.connect.bind_address_in_use_eaddrinuse
 *
 * Without SO_REUSEADDR or SO_REUSEPORT, a UDP address and port belong to
 * one socket: a second socket's bind() to the same address and port fails
 * with EADDRINUSE and leaves that socket unbound.
 *
 * References: udp_lib_get_port() in net/ipv4/udp.c (udp_lib_lport_inuse()
 * finds the first owner; no reuse flag on either) and __inet_bind() in
 * net/ipv4/af_inet.c ("err = -EADDRINUSE"); bind(2) "EADDRINUSE The given
 * address is already in use"; POSIX bind() [EADDRINUSE]; Stevens UNP
 * vol. 1 §7.5.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr taken = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *second = sock_open(p, HOST_SERVER, "second");

	must(p, sock_bind(p, server, taken));
	expect_errno(p, sock_bind(p, second, taken), EADDRINUSE);
	expect_addr(p, sock_getsockname(p, second), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.connect.bind_address_in_use_eaddrinuse",
	.sentence = "bind() of a UDP socket to an address and port another socket holds fails "
		    "with EADDRINUSE and leaves the socket unbound.",
	.why = "udp_lib_get_port() finds the port's owner through udp_lib_lport_inuse() and, "
	       "as neither socket set SO_REUSEADDR or SO_REUSEPORT, fails; __inet_bind() "
	       "returns -EADDRINUSE and has stored nothing.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp_lib_get_port() in net/ipv4/udp.c", "EADDRINUSE" },
		{ "POSIX", "bind(): [EADDRINUSE] the address is already in use", "EADDRINUSE" },
		{ "BSD", "Stevens UNP vol. 1 §7.5", "EADDRINUSE" },
	},
	.run = run,
};
