/* udp.send.af_unspec_destination_to_mapped_peer_sends_ipv4
 *
 * An AF_INET6 socket connected to an IPv4 peer (::ffff:a.b.c.d) speaks
 * IPv4 to it, and sendto() with an AF_UNSPEC destination means "no
 * destination" (udp.send.ipv6_af_unspec_destination_means_none): the
 * datagram must go to the peer, as an IPv4 datagram, like one sent with
 * send().  Here the client has an IPv6 default route too, through the
 * router, and a wire on the client's link shows what leaves.
 *
 * Linux does not do that: udpv6_sendmsg() sets daddr = NULL for AF_UNSPEC
 * before its hand-off of v4-mapped destinations to udp_sendmsg(), then falls
 * back to sk_v6_daddr (the mapped peer) with connected = true and routes it
 * as IPv6.  With an IPv6 default route the call succeeds and an IPv6
 * packet with ::ffff: source and destination goes to the router, which
 * drops it (ip6_rcv_core() refuses a v4-mapped source); the peer never
 * gets it.  Without an IPv6 route the same call fails with ENETUNREACH.
 *
 * Proof by ordering: a sentinel sent with send() (which takes the IPv4
 * path) follows; the wire's first UDP datagram and the server's first read
 * must be the AF_UNSPEC one.
 *
 * References: udpv6_sendmsg() in net/ipv6/udp.c ("case AF_UNSPEC:
 * msg->msg_name = sin6 = NULL;" before "if (ipv6_addr_v4mapped(daddr))");
 * RFC 3493 §3.7 and RFC 4038 §4.2 (mapped peers are IPv4 on the wire).
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *wire = wire_open(p, HOST_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_connect(p, client, at_server));

	expect_ok(p, sock_sendto_len(p, client, "to the peer", addr_as_unspec(at_stranger),
				     at_stranger.len));
	must(p, sock_send(p, client, "sentinel"));
	struct call sent = wire_recv_udp_ip(p, wire);
	expect_datagram(p, sent, "to the peer", from_client);
	expect_long(p, "IP version of the datagram on the wire", 4, sent.ret < 0 ? 0 : sent.value);
	expect_datagram(p, sock_recv(p, server), "to the peer", from_client);
}

const struct rule rule = {
	.id = "udp.send.af_unspec_destination_to_mapped_peer_sends_ipv4",
	.sentence = "sendto() with an AF_UNSPEC destination on an AF_INET6 UDP socket connected to "
		    "an IPv4-mapped peer sends an IPv4 datagram to the peer, even with an IPv6 "
		    "default route.",
	.why = "A destinationless send on a socket connected to ::ffff:a.b.c.d is handed to "
	       "udp_sendmsg() (IPv4) by udpv6_sendmsg(), as send() and a NULL destination are.",
	.families = FAM_MAPPED,
	.skip_why = "Only an AF_INET6 socket connected to an IPv4-mapped peer has two ways to send "
		    "(udp.send.ipv6_af_unspec_destination_means_none covers native IPv6).",
	.topology = TOPO_ROUTED,
	.outcomes = {
		{ "Linux", "udpv6_sendmsg() in net/ipv6/udp.c (as documented for NULL)",
		  "IPv4 datagram to the peer" },
		{ "POSIX", "sendto(): [EAFNOSUPPORT]", "EAFNOSUPPORT" },
		{ "BSD", "Stevens UNP vol. 1 §8.11: EISCONN when connected", "EISCONN" },
	},
	.known = {
		.families = FAM_MAPPED,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "udpv6_sendmsg() in net/ipv6/udp.c sets daddr = NULL for AF_UNSPEC before "
			 "the ipv6_addr_v4mapped(daddr) hand-off to udp_sendmsg(), then routes "
			 "sk_v6_daddr as IPv6: an IPv6 packet from ::ffff:198.18.1.1 to "
			 "::ffff:198.18.2.2 leaves through the IPv6 default route",
	},
	.run = run,
};
