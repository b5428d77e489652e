// SPDX-License-Identifier: GPL-2.0-only
/* udp.reuseport.connected_member_gets_no_one_else
 *
 * A connected member of an SO_REUSEPORT group receives only from its peer.
 * Datagrams from anyone else go to the unconnected members, however the
 * group's hash falls: two connected members and three unconnected ones
 * share the server's address and port, eight third parties (ports the
 * kernel picks, so eight different 4-tuples and hashes) send to it, and
 * neither connected member gets any of their datagrams.  None is lost
 * either: the server counts no datagram without a socket, and the
 * unconnected members hold all eight.
 *
 * Proof of absence by ordering: each peer's datagram is sent after the
 * third parties' and is read first; nothing may be left after it.
 *
 * History: "udp: correct reuseport selection with connected sockets"
 * (acdcecc61285, v5.4) keeps connected members out of the hash's choice;
 * "udp: re-score reuseport groups when connected sockets are present"
 * (v6.6) re-scores the member lookup_reuseport() returns; "udp: Add
 * 4-tuple hash for connected socket" (v6.13) moved connected sockets to a
 * 4-tuple hash, and a connected socket must then not be returned for a
 * 4-tuple that is not its own.
 *
 * References: socket(7) SO_REUSEPORT; compute_score(), udp4_lib_lookup2()
 * and lookup_reuseport() in net/ipv4/udp.c (net/ipv6/udp.c for IPv6);
 * reuseport_select_sock() in net/core/sock_reuseport.c.
 */
#include "udpc.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

enum { THIRD_PARTIES = 8 };

static struct sock *peer(struct probe *p, int port, const char *role)
{
	struct sock *s = sock_open(p, HOST_CLIENT, role);

	must(p, sock_bind(p, s, addr_host(p, HOST_CLIENT, port)));
	return s;
}

/* Reads an unconnected member until it is empty: how many third parties'
 * datagrams it held.  Which member gets which follows the group's hash of
 * ports the kernel picked (and a per-boot secret), so only the sum over the
 * members is fixed: the reads stay out of the transcript, which must read
 * the same on every run and every kernel, and the sum is the check. */
static long third_party_datagrams(struct sock *s)
{
	const char *payload = "from a third party";
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
	struct sock *a = member_open(p, "member_a");
	struct sock *m1 = member_open(p, "member_1");
	struct sock *m2 = member_open(p, "member_2");
	struct sock *b = member_open(p, "member_b");
	struct sock *m3 = member_open(p, "member_3");
	struct sock *peer_a = peer(p, PORT_CLIENT, "peer_a");
	struct sock *peer_b = peer(p, PORT_OTHER, "peer_b");
	struct sock *third[THIRD_PARTIES];

	for (int i = 0; i < THIRD_PARTIES; i++)
		third[i] = sock_open(p, HOST_STRANGER, "third_party");
	must(p, sock_connect(p, a, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, b, addr_host(p, HOST_CLIENT, PORT_OTHER)));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);

	for (int i = 0; i < THIRD_PARTIES; i++)
		expect_ok(p, sock_sendto(p, third[i], "from a third party", server));
	expect_ok(p, sock_sendto(p, peer_a, "from peer a", server));
	expect_ok(p, sock_sendto(p, peer_b, "from peer b", server));

	expect_datagram(p, sock_recv(p, a), "from peer a", addr_host(p, HOST_CLIENT, PORT_CLIENT));
	expect_errno(p, sock_recv_nowait(p, a), EAGAIN);
	expect_datagram(p, sock_recv(p, b), "from peer b", addr_host(p, HOST_CLIENT, PORT_OTHER));
	expect_errno(p, sock_recv_nowait(p, b), EAGAIN);
	expect_long(p, "datagrams the server found no socket for", 0,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);

	long third_party =
		third_party_datagrams(m1) + third_party_datagrams(m2) + third_party_datagrams(m3);
	expect_long(p, "third parties' datagrams the unconnected members received", THIRD_PARTIES,
		    third_party);
}

const struct rule rule = {
	.id = "udp.reuseport.connected_member_gets_no_one_else",
	.sentence = "In an SO_REUSEPORT group, a connected member never receives datagrams from "
		    "sources other than its peer; they go to the unconnected members.",
	.why = "compute_score() rejects a connected socket whose peer is not the "
	       "datagram's source, so the group lookup (udp4_lib_lookup2(), "
	       "lookup_reuseport()) can only pick it for its own 4-tuple; the "
	       "others are spread over the unconnected members.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "socket(7) SO_REUSEPORT; compute_score() in net/ipv4/udp.c",
		  "only the peer's datagrams" },
		{ "POSIX", "no SO_REUSEPORT", "not specified" },
		{ "BSD", "FreeBSD SO_REUSEPORT_LB: load balancing among unconnected sockets only",
		  "only the peer's datagrams" },
	},
	.tags = {
		{ "linux-git", "acdcecc61285", "udp: correct reuseport selection with connected sockets", "v5.4" },
		{ "linux-git", "f0ea27e7bfe1", "udp: re-score reuseport groups when connected sockets are present", "v6.6" },
		{ "linux-git", "78c91ae2c6de", "ipv4/udp: Add 4-tuple hash for connected socket", "v6.13" },
		{ "linux-git", "1b29a730ef8b", "ipv6/udp: Add 4-tuple hash for connected socket", "v6.13" },
	},
	.run = run,
};
