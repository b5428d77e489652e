// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.wildcard_member_rejoins_group
 *
 * The same as udp.reuseport.disconnected_member_rejoins_group for members
 * bound to the wildcard: a member that connects and then disconnects must
 * be back in its SO_REUSEPORT group, where the group's BPF program can pick
 * it.  The program picks by the datagram's first byte ("0..." is member
 * 0); member 0 gets "0 before", connects, disconnects, and "0 after" must
 * reach it again.  Member 0 is given no SO_INCOMING_CPU and the others this
 * CPU, so compute_score() cannot let a member 0 outside the group win.
 *
 * No kernel gets there: connect() gives a wildcard-bound socket a source
 * address, and the rehash to that address's slot (udp_lib_rehash()) takes
 * it out of its reuseport group (reuseport_detach_sock(), which moves the
 * last member into its place); the disconnect rehashes it back to the
 * wildcard's slot but into no group.  Index 0 is then member 2.  Unlike
 * the address-bound case this is not new in v6.13.
 *
 * Proof by ordering: "1 sentinel", sent after "0 after", goes to member 1
 * on every kernel; once it is read, "0 after" has been delivered somewhere.
 *
 * References: socket(7) SO_REUSEPORT, SO_ATTACH_REUSEPORT_CBPF;
 * __ip4_datagram_connect() (net/ipv4/datagram.c) and
 * __ip6_datagram_connect() (net/ipv6/datagram.c) rehash a wildcard-bound
 * socket; udp_lib_rehash() and __udp_disconnect() in net/ipv4/udp.c;
 * reuseport_detach_sock() in net/core/sock_reuseport.c.
 */
#include "udpc.h"

#include <errno.h>

static struct sock *member(struct probe *p, const char *role)
{
	struct sock *s = sock_open(p, HOST_SERVER, role);

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sock_bind(p, s, addr_wildcard(p, PORT_SERVER)));
	return s;
}

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *m0 = member(p, "member_0");
	struct sock *m1 = member(p, "member_1");
	struct sock *m2 = member(p, "member_2");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, from_stranger));
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
	.id = "udp.reuseport.wildcard_member_rejoins_group",
	.sentence = "A wildcard-bound member of a UDP SO_REUSEPORT group that connects and then "
		    "disconnects is back in the group, where the group's BPF program can choose it "
		    "again.",
	.why = "After the disconnect the member is bound to the wildcard and port it was bound "
	       "to before, so it belongs to the same group as the members that never connected.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_REUSEPORT: sockets bound to the same address and port",
		  "back in the group" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD SO_REUSEPORT_LB: in_pcbdisconnect() keeps the lbgroup entry",
		  "back in the group" },
	},
	.known = {
		.families = FAM_ALL,
		.kernels = "every kernel checked (6.12.117, 6.18.44): not a v6.13 change",
		.cause = "udp_lib_rehash() in net/ipv4/udp.c calls reuseport_detach_sock() when "
			 "connect() moves a wildcard-bound socket to its source address's slot, and "
			 "the rehash back at __udp_disconnect() adds it to no group",
	},
	.run = run,
};
