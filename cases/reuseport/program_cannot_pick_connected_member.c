// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.program_cannot_pick_connected_member
 *
 * A connected member of an SO_REUSEPORT group receives only its peer's
 * datagrams, even when the group's BPF program names it: a third party's
 * datagram that the program sends to the connected member's index must go
 * to an unconnected member instead (or be dropped), never to the socket
 * connected elsewhere.  Member 0 is connected to the client; the stranger
 * sends "0 from a third party", which the program
 * (udp.reuseport.cbpf_program_picks_member) gives index 0.
 *
 * Proof of absence by ordering: "1 sentinel", sent after, goes to member 1
 * and is read first; member 0 must then hold nothing.  Where the third
 * party's datagram went among the unconnected members depends on the
 * kernel (see below), so that count stays out of the transcript: the
 * server must have found a socket for it (Udp NoPorts unchanged) and
 * members 1 and 2 hold it once between them.
 *
 * Up to v6.12 it does not hold: a connected member stays in its group,
 * and reuseport_select_sock() lets the program return it (only the hash
 * path, reuseport_select_sock_by_hash(), skips connected members).
 * udp4_lib_lookup2() re-scores the pick once the group has connected
 * members ("udp: re-score reuseport groups when connected sockets are
 * present", v6.6), and compute_score() gives it -1 (its peer is not the
 * source), but a lower score only fails to raise `badness`: the pick stays
 * the result, and the connected socket receives the third party's
 * datagram (seen on 6.12.117: member 0 holds it).  From v6.13 connect()
 * takes an address-bound member out of the group (udp_lib_hash4()), so the
 * program's index 0 is another, unconnected member and the rule holds.
 *
 * References: socket(7) SO_REUSEPORT, SO_ATTACH_REUSEPORT_CBPF;
 * udp4_lib_lookup2() and compute_score() in net/ipv4/udp.c (net/ipv6/udp.c);
 * reuseport_select_sock() and run_bpf_filter() in net/core/sock_reuseport.c.
 */
#include "udpc.h"

#include <errno.h>
#include <string.h>

static long third_party_datagrams(struct sock *s)
{
	const char *payload = "0 from a third party";
	char buf[64];
	long n = 0;
	ssize_t len;

	while ((len = recvfrom(sock_fd(s), buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL)) >= 0)
		n += (size_t)len == strlen(payload) && memcmp(buf, payload, (size_t)len) == 0;
	return n;
}

static void run(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *m0 = member_open(p, "member_0");
	struct sock *m1 = member_open(p, "member_1");
	struct sock *m2 = member_open(p, "member_2");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sockopt_reuseport_cbpf_by_payload(p, m0));
	must(p, sock_connect(p, m0, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	expect_ok(p, sock_sendto(p, stranger, "0 from a third party", server));
	expect_ok(p, sock_sendto(p, stranger, "1 sentinel", server));
	expect_datagram(p, sock_recv(p, m1), "1 sentinel", from_stranger);
	expect_errno(p, sock_recv_nowait(p, m0), EAGAIN);
	expect_long(p, "datagrams the server found no socket for", 0,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
	expect_long(p, "third party's datagrams the unconnected members received", 1,
		    third_party_datagrams(m1) + third_party_datagrams(m2));
}

const struct rule rule = {
	.id = "udp.reuseport.program_cannot_pick_connected_member",
	.sentence = "A connected member of a UDP SO_REUSEPORT group never receives a third party's "
		    "datagram, even when the group's BPF program picks it; an unconnected member "
		    "gets it.",
	.why = "compute_score() rejects a connected socket whose peer is not the source, and "
	       "udp4_lib_lookup2() re-scores the group's pick once the group has connected "
	       "members; from v6.13 the connected member is not in the group at all.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "udp4_lib_lookup2() and compute_score() in net/ipv4/udp.c",
		  "an unconnected member" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "no reuseport BPF (FreeBSD SO_REUSEPORT_LB: unconnected PCBs only)",
		  "an unconnected member" },
	},
	.known = {
		.families = FAM_ALL,
		.fixed = "v6.13",
		.kernels = "v6.12 and older (reproduced on 6.12.117); holds from v6.13, where "
			   "connect() takes the member out of its group (78c91ae2c6de, 1b29a730ef8b)",
		.cause = "udp4_lib_lookup2() in net/ipv4/udp.c (udp6_lib_lookup2()) keeps the "
			 "group's BPF pick as the result when re-scoring it gives -1, so a connected "
			 "member the program names gets a datagram from a source that is not its peer",
	},
	.tags = {
		{ "linux-git", "f0ea27e7bfe1",
		  "udp: re-score reuseport groups when connected sockets are present", "v6.6" },
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket",
		  "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket",
		  "v6.13" },
	},
	.run = run,
};
