// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.silent_peer_recv_blocks
 *
 * UDP has no acknowledgement: when a datagram to the peer is dropped and
 * no ICMP comes back, nothing tells the sender.  A recv() blocked on the
 * connected socket goes on sleeping, neither woken nor failed, and
 * returns the next datagram the peer does send.
 *
 * The peer is made silent by its ICMP rate limit: with
 * net.ipv4.icmp_ratelimit (net.ipv6.icmp.ratelimit) far above the 60 s
 * of tokens a new inet_peer starts with, the server may not send its
 * port unreachable, and counts it as rate limited.
 *
 * Ordering, not waiting: after the dropped datagram the client sends a
 * marker on the same path to a server socket; once the server has it,
 * the server has dropped the first datagram (Udp NoPorts) without
 * answering (Icmp OutDestUnreachs unchanged, OutRateLimitHost + 1).  Only
 * then does a server socket on the peer's port send "pong", and the
 * blocked recv() must return exactly that.
 *
 * References: RFC 768 (no delivery guarantee); Stevens UNP vol. 1 §8.9
 * (lost datagrams block recvfrom forever), §8.8; icmpv4_xrlim_allow() in
 * net/ipv4/icmp.c and icmpv6_xrlim_allow() in net/ipv6/icmp.c ->
 * inet_peer_xrlim_allow() in net/ipv4/inetpeer.c; __skb_recv_udp() in
 * net/ipv4/udp.c sleeps in __skb_wait_for_more_packets().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr silent = addr_host(p, HOST_SERVER, PORT_OTHER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *marker = sock_open(p, HOST_CLIENT, "marker");

	if (probe_family(p) == FAM_IPV6) {
		host_sysctl_set(p, HOST_SERVER, "ipv6/icmp/ratelimit", "1000000");
		host_sysctl_set(p, HOST_SERVER, "ipv6/icmp/ratemask", "1"); /* ICMPV6_DEST_UNREACH */
	} else {
		host_sysctl_set(p, HOST_SERVER, "ipv4/icmp_ratelimit", "1000000");
		host_sysctl_set(p, HOST_SERVER, "ipv4/icmp_ratemask", "8"); /* 1 << ICMP_DEST_UNREACH */
	}
	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_connect(p, client, silent));
	long no_ports = mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS);
	long unreachables = mib_read(p, HOST_SERVER, MIB_ICMP_OUT_DEST_UNREACHS);
	long limited = mib_read(p, HOST_SERVER, MIB_ICMP_OUT_RATE_LIMIT_HOST);

	struct blocked_recv *b = blocked_recv_start(p, client);
	must(p, sock_send(p, client, "lost"));
	must(p, sock_sendto(p, marker, "marker", addr_host(p, HOST_SERVER, PORT_SERVER)));
	must(p, sock_recv(p, server));
	expect_long(p, "datagrams the server found no socket for", 1,
		    mib_read(p, HOST_SERVER, MIB_UDP_NO_PORTS) - no_ports);
	expect_long(p, "ICMP destination unreachable sent by the server", 0,
		    mib_read(p, HOST_SERVER, MIB_ICMP_OUT_DEST_UNREACHS) - unreachables);
	expect_long(p, "ICMP errors the server's rate limit held back", 1,
		    mib_read(p, HOST_SERVER, MIB_ICMP_OUT_RATE_LIMIT_HOST) - limited);

	struct sock *late = sock_open(p, HOST_SERVER, "late");
	must(p, sock_bind(p, late, silent));
	must(p, sock_sendto(p, late, "pong", addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_datagram(p, blocked_recv_finish(p, b), "pong", silent);
}

const struct rule rule = {
	.id = "udp.recv.silent_peer_recv_blocks",
	.sentence = "A recv() blocked on a connected UDP socket whose datagram the peer dropped "
		    "without ICMP goes on sleeping and returns the peer's next datagram.",
	.why = "Without an ICMP error nothing sets sk_err, so __skb_recv_udp() stays in "
	       "__skb_wait_for_more_packets() until a datagram is queued; the peer's "
	       "port unreachable was held back by inet_peer_xrlim_allow().",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__skb_recv_udp() in net/ipv4/udp.c", "recv() returns \"pong\"" },
		{ "POSIX", "recv(): blocks until a message arrives", "blocks" },
		{ "BSD", "Stevens UNP vol. 1 §8.9: recvfrom blocks forever", "blocks" },
	},
	/* The counter that proves the silence; a kernel without it is SKIP. */
	.tags = {
		{ "linux-git", "d0941130c935", "icmp: Add counters for rate limits", "v6.3" },
	},
	.run = run,
};
