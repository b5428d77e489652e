// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.bind_address_no_port_defers_port
 *
 * IP_BIND_ADDRESS_NO_PORT lets bind() fix a socket's address without
 * choosing its port: bind() to the address with port 0 leaves the port 0,
 * and the port is chosen only when connect() needs one, from the socket's
 * ephemeral range.  A program can so pick its source address without
 * spending a port of the range on every socket.
 *
 * References: kselftest tools/testing/selftests/net/ip_local_port_range.c
 * late_bind (ip4_udp, ip6_udp); __inet_bind() in net/ipv4/af_inet.c (get_port
 * is skipped for snum 0 when inet->bind_address_no_port is set);
 * inet_dgram_connect() autobinds the port; Linux commit 90c337da1524
 * ("inet: add IP_BIND_ADDRESS_NO_PORT to overcome bind(0) limitations").
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_client = addr_host(p, HOST_CLIENT, 0);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_set_int(p, client, SOCKOPT(SOL_IP, IP_BIND_ADDRESS_NO_PORT), 1));
	expect_ok(p, sock_bind(p, client, at_client));
	expect_addr(p, sock_getsockname(p, client), at_client);
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.bind.bind_address_no_port_defers_port",
	.sentence = "With IP_BIND_ADDRESS_NO_PORT a UDP socket bound to an address with port 0 "
		    "keeps port 0 until connect() gives it an ephemeral port.",
	.why = "__inet_bind() and __inet6_bind() skip get_port() for port 0 when "
	       "bind_address_no_port is set; inet_dgram_connect() then autobinds the still "
	       "portless socket (inet_autobind()).",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "port 0 until connect()" },
		{ "POSIX", "bind(): no such option", "unspecified" },
		{ "BSD", "no IP_BIND_ADDRESS_NO_PORT", "unspecified" },
	},
	.tags = {
		{ "linux-git", "90c337da1524", "inet: add IP_BIND_ADDRESS_NO_PORT to overcome bind(0) limitations", "v4.2" },
	},
	.run = run,
};
