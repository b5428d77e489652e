/* udp.shutdown.reconnect_keeps_shutdown
 *
 * A shutdown outlives the association it was made on: after
 * shutdown(SHUT_RDWR) and a connect() to another peer, the socket still
 * refuses to send (EPIPE) and still reads end of file (a blocking
 * recvfrom() returns 0 at once).  connect() sets a new peer and nothing
 * else.
 *
 * References: inet_shutdown() in net/ipv4/af_inet.c sets sk_shutdown;
 * ip4_datagram_connect() (net/ipv4/datagram.c), ip6_datagram_connect()
 * (net/ipv6/datagram.c) and __udp_disconnect() (net/ipv4/udp.c) never
 * clear it; gVisor udp_socket.cc ReadShutdownSameSocketResetsShutdownState
 * (which reads with MSG_DONTWAIT, so it cannot tell).
 */
#include "udpc.h"

#include <errno.h>
#include <sys/socket.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_ok(p, sock_shutdown(p, client, SHUT_RDWR));
	expect_ok(p, sock_connect(p, client, addr_host(p, HOST_STRANGER, PORT_STRANGER)));

	expect_errno(p, sock_send(p, client, "after reconnect"), EPIPE);
	expect_eof(p, sock_recv_blocking(p, client));
}

const struct rule rule = {
	.id = "udp.shutdown.reconnect_keeps_shutdown",
	.sentence = "A UDP socket shut down with SHUT_RDWR stays shut down after connect() to "
		    "another peer: send() fails with EPIPE and recvfrom() returns 0.",
	.why = "sk_shutdown is set by inet_shutdown() and cleared by no connect or disconnect "
	       "path of UDP (ip4_datagram_connect(), ip6_datagram_connect(), __udp_disconnect()).",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "inet_shutdown() in net/ipv4/af_inet.c", "EPIPE and 0" },
		{ "POSIX", "shutdown(); connect() for connectionless sockets sets the peer",
		  "unspecified" },
		{ "BSD", "FreeBSD: SBS_CANTSENDMORE/CANTRCVMORE stay until close", "EPIPE and 0" },
	},
	.run = run,
};
