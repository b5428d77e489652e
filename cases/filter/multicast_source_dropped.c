// SPDX-License-Identifier: GPL-2.0-only
/* udp.filter.multicast_source_dropped
 *
 * A multicast address is never a source: a datagram whose source is the
 * group 233.252.0.1 (ff0e::db8:0:1) is dropped by IP before any socket
 * sees it, though it reached the host.  No socket can send such a
 * datagram, so the stranger writes it straight onto its link (AF_PACKET);
 * the same frame from an unused unicast address of the link is delivered,
 * which shows the frame itself is sound, and only its source is refused.
 *
 * Absence by ordering: the stranger's sentinel, sent after, is the next
 * datagram the client's socket reads, and nothing follows it; the client's
 * own wire shows the dropped datagram did arrive.
 *
 * References: RFC 1122 §3.2.1.3 ("a host MUST silently discard an incoming
 * datagram containing an IP source address that is invalid"), RFC 4291
 * §2.7 ("Multicast addresses must not be used as source addresses");
 * gVisor packetimpact udp_discard_mcast_source_addr_test (V4, V6);
 * ip_route_input_slow() in net/ipv4/route.c ("if (ipv4_is_multicast(saddr)
 * ...) goto martian_source"), ip6_rcv_core() in net/ipv6/ip6_input.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr to_client = addr_host(p, HOST_CLIENT, PORT_SERVER);
	struct addr group = addr_group(p, PORT_STRANGER);
	struct addr spare = addr_spare(p, HOST_STRANGER, HOST_CLIENT, PORT_STRANGER);
	struct addr own = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *seen = wire_open(p, HOST_CLIENT);
	struct sock *wire = wire_open(p, HOST_STRANGER);

	must(p, sock_bind(p, client, addr_wildcard(p, PORT_SERVER)));
	must(p, sock_bind(p, stranger, own));

	expect_ok(p, wire_send_udp(p, wire, HOST_CLIENT, spare, to_client, "from a spare address"));
	expect_datagram(p, sock_recv(p, client), "from a spare address", spare);
	expect_ok(p, wire_send_udp(p, wire, HOST_CLIENT, group, to_client, "from a group"));
	expect_ok(p, sock_sendto(p, stranger, "sentinel", to_client));
	expect_datagram(p, sock_recv(p, client), "sentinel", own);
	expect_errno(p, sock_recv_nowait(p, client), EAGAIN);

	expect_datagram(p, wire_recv_udp(p, seen), "from a spare address", spare);
	expect_datagram(p, wire_recv_udp(p, seen), "from a group", group);
}

const struct rule rule = {
	.id = "udp.filter.multicast_source_dropped",
	.sentence = "A UDP datagram whose source address is a multicast group is dropped before any "
		    "socket sees it.",
	.why = "ip_route_input_slow() sends a multicast (or limited broadcast) source to "
	       "martian_source, and ip6_rcv_core() drops an IPv6 packet with a multicast "
	       "source (RFC 4291 §2.7) before it is routed.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip_route_input_slow(), ip6_rcv_core()", "dropped; the sentinel arrives" },
		{ "POSIX", "not a socket matter", "not specified" },
		{ "BSD", "RFC 1122 §3.2.1.3: silently discard", "dropped" },
	},
	.run = run,
};
