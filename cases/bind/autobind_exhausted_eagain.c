// SPDX-License-Identifier: GPL-2.0-only
/* udp.bind.autobind_exhausted_eagain
 *
 * connect() and sendto() give an unbound UDP socket a port of their own
 * accord (the autobind).  When every port of the socket's ephemeral range
 * is in use there is none: both fail, and with EAGAIN, not the EADDRINUSE
 * an explicit bind() to port 0 gets.  Nothing is sent and the socket stays
 * unbound and unconnected.
 *
 * References: inet_autobind() in net/ipv4/af_inet.c ("if
 * (sk->sk_prot->get_port(sk, 0)) ... return -EAGAIN"), called from
 * inet_dgram_connect() and inet_send_prepare(); kselftest
 * tools/testing/selftests/net/ip_local_port_range.c; issue 13 (port
 * exhaustion); Linux commit 91d0b78c5177 (IP_LOCAL_PORT_RANGE).
 */
#include "udpc.h"
#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *holder = sock_open(p, HOST_CLIENT, "holder");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, holder, addr_wildcard(p, EPHEMERAL_LO)));
	must(p, sockopt_port_range(p, client, EPHEMERAL_LO, EPHEMERAL_LO));
	expect_errno(p, sock_connect(p, client, server), EAGAIN);
	expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	expect_errno(p, sock_sendto(p, client, "ping", server), EAGAIN);
	expect_addr(p, sock_getsockname(p, client), addr_wildcard(p, 0));
}

const struct rule rule = {
	.id = "udp.bind.autobind_exhausted_eagain",
	.sentence = "connect() and sendto() on an unbound UDP socket fail with EAGAIN when every "
		    "port of its ephemeral range is in use, and leave it unbound and unconnected.",
	.why = "inet_dgram_connect() and inet_send_prepare() call inet_autobind(), which "
	       "returns -EAGAIN when get_port(sk, 0) finds no free port.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "inet_autobind() in net/ipv4/af_inet.c", "EAGAIN" },
		{ "POSIX", "connect(), sendto(): no case for a used-up port range", "unspecified" },
		{ "BSD", "in_pcb_lport() via in_pcbconnect()", "EADDRNOTAVAIL" },
	},
	.tags = {
		{ "linux-git", "91d0b78c5177", "inet: Add IP_LOCAL_PORT_RANGE socket option", "v6.3" },
	},
	.run = run,
};
