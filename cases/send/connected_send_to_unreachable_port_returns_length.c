// SPDX-License-Identifier: GPL-2.0-only
/* udp.send.connected_send_to_unreachable_port_returns_length
 *
 * send() on a connected UDP socket whose peer port has no listener still
 * returns the full length: UDP has nothing to wait for, the datagram has
 * left when send() returns.  The ICMP port unreachable the peer's host
 * answers with arrives afterwards and is reported on a later call, here
 * recvfrom(), as ECONNREFUSED: the "asynchronous error" of Stevens §8.9.
 *
 * References: udp(7) "ERROR HANDLING"; udp_sendmsg() in net/ipv4/udp.c
 * (returns len once the skb is handed to IP), __udp4_lib_err() and
 * __udp6_lib_err() (set sk_err later); POSIX send(); Stevens UNP vol. 1
 * §8.9, §8.11.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_CLOSED)));
	expect_ok(p, sock_send(p, client, "anyone there?"));
	expect_errno(p, sock_recv(p, client), ECONNREFUSED);
}

const struct rule rule = {
	.id = "udp.send.connected_send_to_unreachable_port_returns_length",
	.sentence = "send() on a connected UDP socket returns the full length even when "
		    "nothing listens at the peer; the refusal is reported only by a later call.",
	.why = "udp_sendmsg() (udpv6_sendmsg() for IPv6) returns the length as soon as "
	       "ip_send_skb() accepted the datagram; the ICMP port unreachable is handled "
	       "later by __udp4_lib_err() (__udp6_lib_err()), which only sets sk_err for "
	       "the next call to take.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp(7) ERROR HANDLING; udp_sendmsg() in net/ipv4/udp.c",
		  "length, then ECONNREFUSED later" },
		{ "POSIX", "send(): returns the number of bytes sent; [ECONNREFUSED] may come later",
		  "length" },
		{ "BSD", "Stevens UNP vol. 1 §8.9 (asynchronous error)",
		  "length, then ECONNREFUSED later" },
	},
	.run = run,
};
