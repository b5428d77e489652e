// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.unbound_getsockname_wildcard_port_zero
 *
 * A UDP socket that was never bound, connected or sent from has no local
 * address yet, and getsockname() says so in the socket's own family: the
 * wildcard address with port 0, at the family's full length.  Only a later
 * bind(), connect() or sendto() gives it a port.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc UdpSocketTest.Getsockname;
 * inet_getname() in net/ipv4/af_inet.c and inet6_getname() in
 * net/ipv6/af_inet6.c (inet_rcv_saddr and inet_sport are still zero);
 * POSIX getsockname() ("If the socket has not been bound to a local name,
 * the value stored in the object pointed to by address is unspecified").
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
	expect_ok(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.bind.unbound_getsockname_wildcard_port_zero",
	.sentence = "getsockname() on a UDP socket that was never bound returns the wildcard "
		    "address with port 0, and after bind() the bound address and port.",
	.why = "inet_getname() and inet6_getname() report inet_rcv_saddr and inet_sport, "
	       "which stay zero until the socket gets a port (bind(), or the autobind of "
	       "connect() and sendto()).",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet_getname() in net/ipv4/af_inet.c", "wildcard, port 0" },
		{ "POSIX", "getsockname(): unbound socket", "unspecified" },
		{ "BSD", "in_getsockaddr() in sys/netinet/in_pcb.c", "wildcard, port 0" },
	},
	.run = run,
};
