// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.disconnected_member_rejoins_group
 *
 * A member of an SO_REUSEPORT group that connects to a peer and then
 * disconnects is an unconnected member again, and the group can choose it
 * as before.  The group here chooses by a classic BPF program, not by a
 * hash: the datagram's first byte minus '0' is the member's index
 * (udp.reuseport.cbpf_program_picks_member).  Member 0 gets "0 before"; it
 * connects and disconnects; "0 after" must reach it again.
 *
 * Since v6.13 it does not: connect() puts an address-bound socket in the
 * 4-tuple hash, and udp_lib_hash4() takes it out of its reuseport group
 * (reuseport_detach_sock(), which moves the last member into its place);
 * __udp_disconnect() never puts it back.  Index 0 is then member 2, and
 * "0 after" goes there.  Up to v6.12 connect() leaves an address-bound
 * member in the group and the rule holds.
 *
 * Nothing but the program and the score may decide, so the score is fixed
 * too: compute_score() adds one point to a socket whose SO_INCOMING_CPU is
 * the CPU the datagram is processed on.  Members 1 and 2 are given this
 * CPU and member 0 none, so a member 0 outside the group can never outscore
 * the group's choice, whatever the order of the address's hash slot.
 *
 * Proof by ordering: "1 sentinel", sent after "0 after", goes to member 1
 * on every kernel; once it is read, "0 after" has been delivered somewhere.
 *
 * References: socket(7) SO_REUSEPORT, SO_ATTACH_REUSEPORT_CBPF,
 * SO_INCOMING_CPU; udp_lib_hash4(), udp4_lib_lookup2(), compute_score(),
 * __udp_disconnect() in net/ipv4/udp.c (net/ipv6/udp.c for IPv6);
 * reuseport_detach_sock() in net/core/sock_reuseport.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *m0 = member_open(p, "member_0");
	struct sock *m1 = member_open(p, "member_1");
	struct sock *m2 = member_open(p, "member_2");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");
	struct sock *peer = sock_open(p, HOST_CLIENT, "peer");

	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sock_bind(p, peer, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sockopt_reuseport_cbpf_by_payload(p, m0));
	expect_ok(p, sock_sendto(p, stranger, "0 before", server));
	expect_datagram(p, sock_recv(p, m0), "0 before", from_stranger);

	expect_ok(p, sock_connect(p, m0, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_ok(p, sock_disconnect(p, m0));
	must(p, sockopt_incoming_cpu(p, m0, false));
	must(p, sockopt_incoming_cpu(p, m1, true));
	must(p, sockopt_incoming_cpu(p, m2, true));

	expect_ok(p, sock_sendto(p, stranger, "0 after", server));
	expect_ok(p, sock_sendto(p, stranger, "1 sentinel", server));
	expect_datagram(p, sock_recv(p, m1), "1 sentinel", from_stranger);
	expect_datagram(p, sock_recv_nowait(p, m0), "0 after", from_stranger);
	expect_errno(p, sock_recv_nowait(p, m2), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.disconnected_member_rejoins_group",
	.sentence = "A member of a UDP SO_REUSEPORT group that connects and then disconnects is back "
		    "in the group, where the group's BPF program can choose it again.",
	.why = "An address-bound member keeps its address and port through connect() and "
	       "__udp_disconnect() (SOCK_BINDADDR_LOCK, SOCK_BINDPORT_LOCK), so up to v6.12 "
	       "nothing rehashes it out of its group; reuseport_select_sock() still holds it "
	       "at its index.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "v6.12: udp4_lib_lookup2() with reuseport_select_sock()",
		  "back in the group" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD SO_REUSEPORT_LB: in_pcbdisconnect() keeps the lbgroup entry",
		  "back in the group" },
	},
	.known = {
		.families = FAM_ALL,
		.since = "v6.13",
		.kernels = "v6.13 and later (78c91ae2c6de for IPv4 and mapped peers, 1b29a730ef8b "
			   "for IPv6); v6.12 and older keep the member in its group",
		.cause = "udp_lib_hash4() in net/ipv4/udp.c calls reuseport_detach_sock() when "
			 "connect() puts the socket in the 4-tuple hash, and __udp_disconnect() "
			 "never adds it back: the group's index 0 is then another member",
	},
	.tags = {
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket",
		  "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket",
		  "v6.13" },
	},
	.run = run,
};
