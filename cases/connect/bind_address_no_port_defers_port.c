/* udp.connect.bind_address_no_port_defers_port
 *
 * With IP_BIND_ADDRESS_NO_PORT set, bind() to an address with port 0 fixes
 * the address and leaves the port for later: getsockname() shows port 0.
 * connect() then picks the ephemeral port, and the address stays as bound.
 * Made for TCP clients (to choose a source address without burning a port
 * before the 4-tuple is known); __inet_bind() applies it to UDP alike.
 *
 * References: ip(7) IP_BIND_ADDRESS_NO_PORT (Linux 4.2); __inet_bind() in
 * net/ipv4/af_inet.c and __inet6_bind() in net/ipv6/af_inet6.c ("if (snum
 * || !(inet->bind_address_no_port ...)) get_port()"); inet_dgram_connect()
 * (inet_autobind() for a socket without a port); commit 90c337da1524.
 */
#include "udpc.h"

#include <netinet/in.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_setsockopt_int(p, client, SOCKOPT(SOL_IP, IP_BIND_ADDRESS_NO_PORT), 1));
	expect_ok(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, 0)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, 0));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.bind_address_no_port_defers_port",
	.sentence = "With IP_BIND_ADDRESS_NO_PORT, bind() of a UDP socket to an address with "
		    "port 0 leaves the port 0 until connect() picks an ephemeral one.",
	.why = "__inet_bind() (__inet6_bind()) skips sk_prot->get_port() for port 0 when "
	       "bind_address_no_port is set, so inet_num stays 0; inet_dgram_connect() then "
	       "calls inet_autobind().",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip(7) IP_BIND_ADDRESS_NO_PORT; __inet_bind()",
		  "port 0 until connect()" },
		{ "POSIX", "bind(): port 0 means a port is chosen", "no such option" },
		{ "BSD", "no such option", "port chosen at bind()" },
	},
	.tags = { { "linux-git", "90c337da1524",
		    "inet: add IP_BIND_ADDRESS_NO_PORT to overcome bind(0) limitations", "v4.2" } },
	.run = run,
};
