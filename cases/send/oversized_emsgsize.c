// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.oversized_emsgsize
 *
 * The largest UDP payload is what fits in the IP length field: 65507 bytes
 * over IPv4 (65535 - 20 - 8) and 65527 over IPv6 (65535 - 8; the payload
 * length does not count the 40-byte header).  send() of that many bytes
 * succeeds and the peer receives it whole; one byte more fails with EMSGSIZE, at
 * once and for that call only: nothing is left pending (SO_ERROR 0).
 * An AF_INET6 socket sending to an IPv4-mapped peer sends IPv4.
 *
 * References: udp(7) "EMSGSIZE"; __ip_append_data() in net/ipv4/ip_output.c
 * ("if (cork->length + length > maxnonfragsize - fragheaderlen)
 * return -EMSGSIZE", maxnonfragsize 0xFFFF when DF is not forced),
 * __ip6_append_data() in net/ipv6/ip6_output.c (sizeof(struct ipv6hdr) +
 * IPV6_MAXPLEN); POSIX send() [EMSGSIZE] "The message is too large to be
 * sent all at once"; RFC 768, RFC 8200 §3.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	size_t largest = probe_family(p) == FAM_IPV6 ? 65527 : 65507;
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_send_size(p, client, largest));
	expect_long(p, "length of the datagram the server received", (long)largest,
		    sock_recv_length(p, server).ret);
	expect_errno(p, sock_send_size(p, client, largest + 1), EMSGSIZE);
	expect_pending_error(p, sockopt_so_error(p, client), 0);
}

const struct rule rule = {
	.id = "udp.send.oversized_emsgsize",
	.sentence = "send() of the largest UDP payload (65507 bytes over IPv4, 65527 over IPv6) "
		    "succeeds and one byte more fails with EMSGSIZE, leaving no pending error.",
	.why = "__ip_append_data() (__ip6_append_data()) refuses a datagram whose IP length "
	       "would exceed 65535 with -EMSGSIZE returned to the caller; ip_local_error() "
	       "queues a copy only with IP_RECVERR, and sk_err is not set.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp(7); __ip_append_data() in net/ipv4/ip_output.c", "EMSGSIZE" },
		{ "POSIX", "send(): [EMSGSIZE] too large to be sent all at once", "EMSGSIZE" },
		{ "BSD", "udp_output() in 4.4BSD: len + headers > IP_MAXPACKET is EMSGSIZE",
		  "EMSGSIZE" },
	},
	.run = run,
};
