/* udp.dualstack.native_bound_socket_is_v6only
 *
 * An AF_INET6 socket bound to a native IPv6 address (here ::1) can never
 * speak IPv4: binding made it IPv6-only, so connect() and sendto() to an
 * IPv4-mapped address (::ffff:127.0.0.1) fail with ENETUNREACH, as with
 * IPV6_V6ONLY (udp.dualstack.v6only_connect_mapped_enetunreach).
 *
 * References: inet6_bind() (__inet6_bind()) in net/ipv6/af_inet6.c ("if
 * (addr_type != IPV6_ADDR_ANY && addr_type != IPV6_ADDR_MAPPED)
 * sk->sk_ipv6only = 1;", and the IPv4 address LOOPBACK4_IPV6 "the ipv4
 * addr of the socket is invalid"); __ip6_datagram_connect() in
 * net/ipv6/datagram.c and udpv6_sendmsg() in net/ipv6/udp.c (-ENETUNREACH
 * for a mapped destination on an IPv6-only socket); RFC 3493 §3.7.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host_ipv6(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)), ENETUNREACH);
	expect_errno(p, sock_sendto(p, client, "to IPv4", addr_host(p, HOST_SERVER, PORT_SERVER)),
		     ENETUNREACH);
}

const struct rule rule = {
	.id = "udp.dualstack.native_bound_socket_is_v6only",
	.sentence = "An AF_INET6 UDP socket bound to a native IPv6 address fails with ENETUNREACH "
		    "to connect() or sendto() an IPv4-mapped address.",
	.why = "__inet6_bind() sets sk_ipv6only for any address but the wildcard and a mapped "
	       "one; the connect and send paths refuse mapped destinations on IPv6-only sockets.",
	.families = FAM_MAPPED,
	.skip_why = "It is about IPv4-mapped destinations of an AF_INET6 socket.",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "__inet6_bind() in net/ipv6/af_inet6.c", "ENETUNREACH" },
		{ "POSIX", "RFC 3493 §3.7: mapped addresses reach IPv4 nodes", "unspecified" },
		{ "BSD", "FreeBSD udp6_send(): a native source and a mapped destination: EINVAL",
		  "EINVAL" },
	},
	.run = run,
};
