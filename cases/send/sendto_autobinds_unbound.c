// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.sendto_autobinds_unbound
 *
 * sendto() on a UDP socket that was never bound binds it first: to the
 * wildcard address and an ephemeral port.  The datagram leaves from that
 * port (with the route's source address, which the socket does not
 * keep), and the port stays the socket's: getsockname() reports it, and it
 * is the source port the receiver sees.
 *
 * References: inet_sendmsg() in net/ipv4/af_inet.c (inet_send_prepare():
 * inet_autobind() when inet_num is 0; inet6_sendmsg() does the same);
 * udp(7) "When a UDP socket is created, its local and remote addresses are
 * unspecified ... an unbound socket is bound automatically"; Stevens UNP
 * vol. 1 §8.9; gVisor test/syscalls/linux/udp_socket.cc SendtoUnbound.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_sendto(p, client, "first", addr_host(p, HOST_SERVER, PORT_SERVER)));
	struct call name = sock_getsockname(p, client);
	expect_addr(p, name, addr_wildcard(p, PORT_EPHEMERAL));
	/* The port getsockname() reported, exactly, with the route's source. */
	expect_datagram(p, sock_recv(p, server), "first",
			addr_host(p, HOST_CLIENT, addr_port(&name.addr)));
}

const struct rule rule = {
	.id = "udp.send.sendto_autobinds_unbound",
	.sentence = "sendto() on an unbound UDP socket binds it to the wildcard address and an "
		    "ephemeral port, the source port its datagram carries.",
	.why = "inet_sendmsg() (inet6_sendmsg()) calls inet_send_prepare(), which runs "
	       "inet_autobind() for a socket without a local port; the address stays the "
	       "wildcard, and udp_sendmsg() takes the source address from the route for each "
	       "datagram.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_send_prepare() in net/ipv4/af_inet.c", "wildcard:ephemeral" },
		{ "POSIX", "sendto(): an unbound socket may be bound first", "bound" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: the kernel chooses an ephemeral port",
		  "wildcard:ephemeral" },
	},
	.run = run,
};
