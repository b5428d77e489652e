/* udp.send.ipv6_af_unspec_destination_means_none
 *
 * An AF_INET6 UDP socket given a destination whose sa_family is AF_UNSPEC
 * throws the address away and acts as if none was given: a connected
 * socket sends to its peer (not to the address inside), an unconnected one
 * fails with EDESTADDRREQ.  POSIX and BSD reject the wrong family with
 * EAFNOSUPPORT; AF_INET sockets on Linux read the same bytes as a
 * sockaddr_in (udp.send.ipv4_af_unspec_destination_read_as_af_inet).
 *
 * The mapped family does not get there: udpv6_sendmsg() clears daddr for
 * AF_UNSPEC *before* it checks for an IPv4-mapped destination, so a socket
 * connected to ::ffff:a.b.c.d is not handed to udp_sendmsg() as it is for a
 * NULL address; it takes the IPv6 route lookup for the mapped address and
 * fails with ENETUNREACH.
 *
 * References: udpv6_sendmsg() in net/ipv6/udp.c ("case AF_UNSPEC:
 * msg->msg_name = sin6 = NULL"); POSIX sendto() "[EAFNOSUPPORT]";
 * RFC 3493 §3.7 (AF_INET6 sockets take IPv4 peers as mapped addresses).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *loner = sock_open(p, HOST_CLIENT, "loner");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, loner, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	must(p, sock_connect(p, client, at_server));

	expect_ok(p, sock_sendto_len(p, client, "to the peer", addr_as_unspec(at_stranger),
				     at_stranger.len));
	/* A sentinel by plain send(): if the first datagram went nowhere, the
	 * server's first read returns the sentinel at once. */
	must(p, sock_send(p, client, "sentinel"));
	expect_datagram(p, sock_recv(p, server), "to the peer", from_client);
	expect_errno(
		p, sock_sendto_len(p, loner, "to nobody", addr_as_unspec(at_stranger), at_stranger.len),
		EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.send.ipv6_af_unspec_destination_means_none",
	.sentence = "sendto() on an AF_INET6 UDP socket with an AF_UNSPEC destination acts as if "
		    "no destination was given: to the peer if connected, EDESTADDRREQ if not.",
	.why = "udpv6_sendmsg() sets msg_name to NULL for an AF_UNSPEC destination and "
	       "then takes the path of a destinationless send: the peer's address when "
	       "the socket is in TCP_ESTABLISHED, -EDESTADDRREQ otherwise.",
	.families = FAM_IPV6 | FAM_MAPPED,
	.skip_why = "AF_INET sockets read AF_UNSPEC as AF_INET "
		    "(udp.send.ipv4_af_unspec_destination_read_as_af_inet).",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udpv6_sendmsg() in net/ipv6/udp.c", "peer if connected, else EDESTADDRREQ" },
		{ "POSIX", "sendto(): [EAFNOSUPPORT]", "EAFNOSUPPORT" },
		{ "BSD", "Stevens UNP vol. 1 §8.11 (EISCONN when connected); udp6_output()",
		  "EISCONN if connected, else EAFNOSUPPORT" },
	},
	.known = {
		.families = FAM_MAPPED,
		.kernels = "every kernel since the IPv6 UDP code was written (reproduced on 5.10 "
			   "through 7.3); no upstream fix",
		.cause = "udpv6_sendmsg() in net/ipv6/udp.c sets daddr = NULL for AF_UNSPEC, "
			 "so the ipv6_addr_v4mapped(daddr) hand-off to udp_sendmsg() is skipped "
			 "and the IPv4-mapped peer goes to the IPv6 route lookup: ENETUNREACH here "
			 "(no IPv6 route); with one it leaves as IPv6 "
			 "(udp.send.af_unspec_destination_to_mapped_peer_sends_ipv4)",
	},
	.run = run,
};
