/* udp.send.ipv4_af_unspec_destination_read_as_af_inet
 *
 * An AF_INET UDP socket given a destination whose sa_family is AF_UNSPEC
 * does not refuse it: it reads the rest as a sockaddr_in and sends to that
 * address and port.  Linux has tolerated a family left at zero since its
 * early days, for programs that never set sin_family.  POSIX and 4.4BSD
 * reject an address of the wrong family with EAFNOSUPPORT.
 *
 * AF_INET6 sockets read AF_UNSPEC differently (as no destination at all):
 * see udp.send.ipv6_af_unspec_destination_means_none.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (usin->sin_family !=
 * AF_INET) { if (usin->sin_family != AF_UNSPEC) return -EAFNOSUPPORT; }");
 * POSIX sendto() "[EAFNOSUPPORT] Addresses in the specified address family
 * cannot be used with this socket"; in_pcbconnect() in 4.4BSD.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, at_stranger));
	must(p, sock_bind(p, client, from_client));

	expect_ok(p, sock_sendto_len(p, client, "no family", addr_as_unspec(at_stranger),
				     at_stranger.len));
	expect_datagram(p, sock_recv(p, stranger), "no family", from_client);
}

const struct rule rule = {
	.id = "udp.send.ipv4_af_unspec_destination_read_as_af_inet",
	.sentence = "sendto() on an AF_INET UDP socket with an AF_UNSPEC destination sends to "
		    "the address and port in it, as if it were AF_INET.",
	.why = "udp_sendmsg() rejects a destination family other than AF_INET with "
	       "-EAFNOSUPPORT except AF_UNSPEC, which it lets through and reads as a "
	       "sockaddr_in.",
	.families = FAM_IPV4,
	.skip_why = "AF_INET6 sockets take AF_UNSPEC as no destination "
		    "(udp.send.ipv6_af_unspec_destination_means_none).",
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "sent to the address in it" },
		{ "POSIX", "sendto(): [EAFNOSUPPORT]", "EAFNOSUPPORT" },
		{ "BSD", "in_pcbconnect() in 4.4BSD", "EAFNOSUPPORT" },
	},
	.run = run,
};
