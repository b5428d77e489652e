// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.readv_scatters_one_datagram
 *
 * readv() with two buffers fills them in order from one datagram: the
 * first four bytes go to the first iovec, the rest to the second, and the
 * call returns the datagram's length.  The datagram queued behind it is
 * not used to fill the second buffer: it is the next readv()'s.
 *
 * Ordering: a sentinel sent to another socket of the server after both
 * datagrams is read first, so both are queued before the first readv().
 *
 * References: POSIX readv() "scatters the input data into the iovcnt
 * buffers"; udp(7) "All receive operations return only one packet";
 * gVisor udp_socket.cc BoundaryPreserved_WritevReadv; udp_recvmsg() in
 * net/ipv4/udp.c copies one skb with skb_copy_datagram_msg().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *other = sock_open(p, HOST_SERVER, "other");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, other, addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_sendto(p, client, "scattered", at_server));
	must(p, sock_sendto(p, client, "next", at_server));
	must(p, sock_sendto(p, client, "sentinel", addr_host(p, HOST_SERVER, PORT_OTHER)));
	must(p, sock_recv(p, other));

	struct call scattered = sock_recv_readv(p, server, 4);
	expect_payload(p, scattered, "scattered");
	expect_ret(p, scattered, 9);
	expect_payload(p, sock_recv_readv(p, server, 4), "next");
	expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
}

const struct rule rule = {
	.id = "udp.recv.readv_scatters_one_datagram",
	.sentence = "readv() on a UDP socket scatters one datagram over its buffers in order and "
		    "never fills them from the next datagram.",
	.why = "udp_recvmsg() copies one skb into the iov_iter built from the iovecs "
	       "(skb_copy_datagram_msg()); the next skb is the next call's.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "udp_recvmsg() in net/ipv4/udp.c", "\"scat\" + \"tered\" = 9, then \"next\"" },
		{ "POSIX", "readv(): scatters the input data into the buffers", "one datagram per call" },
		{ "BSD", "Stevens UNP vol. 1 §14.4", "one datagram per call" },
	},
	.run = run,
};
