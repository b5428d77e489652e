/* udp.connect.ip_local_port_range_picks_socket_range
 *
 * IP_LOCAL_PORT_RANGE narrows the ephemeral range for one socket: with the
 * socket's range set to the single port 41000 (inside the host's
 * 40000-49999), connect() of the unbound socket binds it to port 41000.
 * The option is SOL_IP but AF_INET6 sockets take it too.  The value is
 * one u32: the low port in the low 16 bits, the high port above them.
 *
 * References: ip(7) IP_LOCAL_PORT_RANGE (Linux 6.3); do_ip_setsockopt() in
 * net/ipv4/ip_sockglue.c; inet_sk_get_local_port_range() in
 * net/ipv4/inet_connection_sock.c (the socket's range, clamped to the
 * host's), used by udp_lib_get_port() in net/ipv4/udp.c; commit
 * 91d0b78c5177; tools/testing/selftests/net/ip_local_port_range.c.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_local_port_range(p, client, 41000, 41000));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	struct call name = sock_getsockname(p, client);
	expect_addr(p, name, addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
	expect_long(p, "getsockname(client) port: the socket's one port", 41000, addr_port(&name.addr));
}

const struct rule rule = {
	.id = "udp.connect.ip_local_port_range_picks_socket_range",
	.sentence = "connect() of an unbound UDP socket picks its ephemeral port from the "
		    "socket's own IP_LOCAL_PORT_RANGE.",
	.why = "inet_autobind() asks udp_lib_get_port() for port 0, which searches "
	       "inet_sk_get_local_port_range(): the host's range narrowed to the socket's "
	       "IP_LOCAL_PORT_RANGE.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip(7) IP_LOCAL_PORT_RANGE; inet_sk_get_local_port_range()",
		  "port from the socket's range" },
		{ "POSIX", "no per-socket range", "not specified" },
		{ "BSD", "FreeBSD IP_PORTRANGE picks one of three fixed ranges", "no exact range" },
	},
	.tags = { { "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option",
		    "v6.3" } },
	.run = run,
};
