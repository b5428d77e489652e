// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.link_local_peer_device_released
 *
 * An IPv6 link-local address means something only on one link, so
 * connecting to one needs the link: the sockaddr_in6's scope id.  connect()
 * binds the socket to that interface (getsockopt(SO_BINDTODEVICE) names
 * it), and a disconnect releases it again, like any other part of the
 * association.
 *
 * References: RFC 4007 §6 (zone indices); __ip6_datagram_connect() in
 * net/ipv6/datagram.c ("if (__ipv6_addr_needs_scope_id(addr_type)) ...
 * WRITE_ONCE(sk->sk_bound_dev_if, usin->sin6_scope_id);"); __udp_disconnect()
 * in net/ipv4/udp.c ("sk->sk_bound_dev_if = 0;"); ipv6(7) sin6_scope_id.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p,
		  sock_connect(p, client, addr_link_local(p, HOST_SERVER, PORT_SERVER, HOST_CLIENT)));
	expect_payload(p, sockopt_bound_device(p, client), topo_ifname(p, HOST_CLIENT));

	expect_ok(p, sock_disconnect(p, client));
	expect_payload(p, sockopt_bound_device(p, client), "");
}

const struct rule rule = {
	.id = "udp.disconnect.link_local_peer_device_released",
	.sentence = "connect() to an IPv6 link-local peer binds a UDP socket to the scope id's "
		    "interface, and disconnecting releases it.",
	.why = "__ip6_datagram_connect() copies a link-local destination's sin6_scope_id into "
	       "sk_bound_dev_if; __udp_disconnect() sets sk_bound_dev_if back to 0.",
	.families = FAM_IPV6,
	.skip_why = "Link-local scope ids belong to IPv6 addresses; IPv4 and mapped peers have "
		    "no zone.",
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__ip6_datagram_connect() in net/ipv6/datagram.c", "bound, then none" },
		{ "POSIX", "no SO_BINDTODEVICE; RFC 3493 sin6_scope_id", "not specified" },
		{ "BSD", "FreeBSD in6_setscope(): the zone goes with the address, not the socket",
		  "not specified" },
	},
	.run = run,
};
