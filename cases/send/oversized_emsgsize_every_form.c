// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.oversized_emsgsize_every_form
 *
 * The size limit of a UDP datagram does not depend on the call that sends
 * it: on an unconnected socket, sendto() and sendmsg() (with msg_name) of
 * one byte more than the largest payload (65507 bytes over IPv4, 65527
 * over IPv6) fail with EMSGSIZE, as send() does on a connected one
 * (udp.send.oversized_emsgsize), and nothing is sent: the server's first
 * datagram is the sentinel sent next.
 *
 * References: __ip_append_data() in net/ipv4/ip_output.c,
 * __ip6_append_data() in net/ipv6/ip6_output.c (the same check whatever
 * the system call); udp(7) EMSGSIZE; POSIX sendto(), sendmsg() [EMSGSIZE];
 * LTP sendto01, sendmsg01 "UDP message too big".
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	size_t too_big = (probe_family(p) == FAM_IPV6 ? 65527 : 65507) + 1;
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	expect_errno(p, sock_sendto_size(p, client, too_big, at_server), EMSGSIZE);
	expect_errno(p, sock_sendmsg_size(p, client, too_big, at_server), EMSGSIZE);
	must(p, sock_sendto(p, client, "sentinel", at_server));
	expect_datagram(p, sock_recv(p, server), "sentinel", from_client);
}

const struct rule rule = {
	.id = "udp.send.oversized_emsgsize_every_form",
	.sentence = "sendto() and sendmsg() of one byte over the largest UDP payload fail with "
		    "EMSGSIZE and send nothing, as send() does.",
	.why = "Every form reaches udp_sendmsg() (udpv6_sendmsg()) and the same length check "
	       "of __ip_append_data() (__ip6_append_data()), which returns -EMSGSIZE before a "
	       "datagram is built.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "__ip_append_data() in net/ipv4/ip_output.c", "EMSGSIZE" },
		{ "POSIX", "sendto(), sendmsg(): [EMSGSIZE]", "EMSGSIZE" },
		{ "BSD", "udp_output() in 4.4BSD", "EMSGSIZE" },
	},
	.run = run,
};
