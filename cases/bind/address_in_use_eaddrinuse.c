// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.address_in_use_eaddrinuse
 *
 * Two UDP sockets without SO_REUSEADDR or SO_REUSEPORT cannot share a local
 * address and port: bind() of the second fails with EADDRINUSE, and it stays
 * unbound.  The wildcard with the same port conflicts too, because it
 * would receive what is sent to the first socket's address.
 *
 * References: gVisor test/syscalls/linux/udp_socket.cc UdpSocketTest.BindInUse;
 * udp_lib_get_port() and udp_lib_lport_inuse() in net/ipv4/udp.c
 * (inet_rcv_saddr_equal() with the wildcard matching any address); POSIX
 * bind() ("[EADDRINUSE] The specified address is already in use").
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr held = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *second = sock_open(p, HOST_SERVER, "second");

	must(p, sock_bind(p, server, held));
	expect_errno(p, sock_bind(p, second, held), EADDRINUSE);
	expect_errno(p, sock_bind(p, second, addr_wildcard(p, PORT_SERVER)), EADDRINUSE);
	expect_addr(p, sock_getsockname(p, second), addr_wildcard(p, 0));
	expect_ok(p, sock_bind(p, second, addr_host(p, HOST_SERVER, PORT_OTHER)));
}

const struct rule rule = {
	.id = "udp.bind.address_in_use_eaddrinuse",
	.sentence = "bind() of a UDP socket to an address and port another socket holds, or to the "
		    "wildcard with that port, fails with EADDRINUSE and leaves the socket unbound.",
	.why = "udp_lib_get_port() refuses a port when udp_lib_lport_inuse() finds a socket on "
	       "it whose address overlaps (inet_rcv_saddr_equal(): equal, or either the "
	       "wildcard) and that does not share it through SO_REUSEADDR or SO_REUSEPORT.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp_lib_lport_inuse() in net/ipv4/udp.c", "EADDRINUSE" },
		{ "POSIX", "bind(): [EADDRINUSE]", "EADDRINUSE" },
		{ "BSD", "in_pcbbind_setup() in sys/netinet/in_pcb.c", "EADDRINUSE" },
	},
	.run = run,
};
