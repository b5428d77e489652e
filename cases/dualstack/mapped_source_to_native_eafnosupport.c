/* udp.dualstack.mapped_source_to_native_eafnosupport
 *
 * An AF_INET6 socket whose source is an IPv4 address (bound to
 * ::ffff:127.0.0.1) speaks IPv4, and IPv4 cannot reach a native IPv6
 * address: connect() and sendto() to ::1 fail with EAFNOSUPPORT.  The
 * same holds for a socket that got its IPv4 source by connecting to a
 * mapped peer: sendto() and a new connect() to ::1 fail alike.
 *
 * References: ip6_dst_lookup_tail() in net/ipv6/ip6_output.c (a v4-mapped
 * source with a destination that is neither mapped nor the wildcard is
 * -EAFNOSUPPORT), reached from ip6_datagram_dst_update() (connect) and
 * udpv6_sendmsg(); __ip6_datagram_connect() in net/ipv6/datagram.c stores a
 * mapped peer's source as ::ffff:a.b.c.d; RFC 3493 §3.7.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr native = addr_host_ipv6(p, HOST_SERVER, PORT_SERVER);
	struct sock *bound = sock_open(p, HOST_CLIENT, "bound");
	struct sock *connected = sock_open(p, HOST_CLIENT, "connected");

	must(p, sock_bind(p, bound, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_connect(p, bound, native), EAFNOSUPPORT);
	expect_errno(p, sock_sendto(p, bound, "to IPv6", native), EAFNOSUPPORT);

	must(p, sock_connect(p, connected, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_errno(p, sock_sendto(p, connected, "to IPv6", native), EAFNOSUPPORT);
	expect_errno(p, sock_connect(p, connected, native), EAFNOSUPPORT);
}

const struct rule rule = {
	.id = "udp.dualstack.mapped_source_to_native_eafnosupport",
	.sentence = "An AF_INET6 UDP socket bound or connected with an IPv4-mapped source fails with "
		    "EAFNOSUPPORT to connect() or sendto() a native IPv6 address.",
	.why = "The socket's source (np->saddr) is ::ffff:a.b.c.d, and ip6_dst_lookup_tail() "
	       "refuses a v4-mapped source towards a native IPv6 destination with -EAFNOSUPPORT.",
	.families = FAM_MAPPED,
	.skip_why = "Only an AF_INET6 socket can have an IPv4-mapped source.",
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "ip6_dst_lookup_tail() in net/ipv6/ip6_output.c", "EAFNOSUPPORT" },
		{ "POSIX", "sendto(): [EAFNOSUPPORT] addresses in the family cannot be used",
		  "EAFNOSUPPORT" },
		{ "BSD", "FreeBSD udp6_send(): a mapped source and a native destination: EINVAL",
		  "EINVAL" },
	},
	.run = run,
};
