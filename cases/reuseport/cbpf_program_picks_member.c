// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.cbpf_program_picks_member
 *
 * A classic BPF program attached to an SO_REUSEPORT group with
 * SO_ATTACH_REUSEPORT_CBPF chooses the member: its return value is an index
 * into the group, in the order the members joined it (bound).  Here the
 * program returns the datagram's first byte minus '0', and datagrams
 * starting with "2", "0" and "1" reach the third, first and second member,
 * whatever the group's hash would have chosen.  It is what lets the other
 * rules of this topic ask the group "who is member 0?" without depending
 * on a hash.
 *
 * Proof of absence: every member holds exactly its datagram, and nothing
 * more once all three have been read.
 *
 * References: socket(7) SO_ATTACH_REUSEPORT_CBPF ("the index of the socket
 * in the reuseport group"); reuseport_select_sock() and run_bpf_filter() in
 * net/core/sock_reuseport.c (the UDP header pulled, so offset 0 is the
 * payload); kselftest net/reuseport_bpf.c.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *members[3] = {
		member_open(p, "member_0"),
		member_open(p, "member_1"),
		member_open(p, "member_2"),
	};
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sockopt_reuseport_cbpf_by_payload(p, members[0]));

	expect_ok(p, sock_sendto(p, stranger, "2 for member 2", server));
	expect_ok(p, sock_sendto(p, stranger, "0 for member 0", server));
	expect_ok(p, sock_sendto(p, stranger, "1 for member 1", server));
	expect_datagram(p, sock_recv(p, members[2]), "2 for member 2", from_stranger);
	expect_datagram(p, sock_recv(p, members[0]), "0 for member 0", from_stranger);
	expect_datagram(p, sock_recv(p, members[1]), "1 for member 1", from_stranger);
	for (int i = 0; i < 3; i++)
		expect_errno(p, sock_recv_nowait(p, members[i]), EAGAIN);
}

const struct rule rule = {
	.id = "udp.reuseport.cbpf_program_picks_member",
	.sentence = "A classic BPF program attached with SO_ATTACH_REUSEPORT_CBPF picks the member of "
		    "a UDP SO_REUSEPORT group that receives each datagram, by its index in the group.",
	.why = "reuseport_select_sock() runs the group's program before any hash and takes "
	       "socks[index] when the index is below the number of members "
	       "(run_bpf_filter() in net/core/sock_reuseport.c).",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_ATTACH_REUSEPORT_CBPF; run_bpf_filter()",
		  "the member the program names" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "no reuseport BPF (FreeBSD SO_REUSEPORT_LB hashes)", "not specified" },
	},
	.tags = {
		{ "linux-git", "538950a1b752", "soreuseport: setsockopt SO_ATTACH_REUSEPORT_[CE]BPF",
		  "v4.5" },
	},
	.run = run,
};
