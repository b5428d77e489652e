// SPDX-License-Identifier: GPL-2.0-only
/* udp.errors.errqueue_entry_in_full
 *
 * What recvmsg(MSG_ERRQUEUE) answers for an ICMP port unreachable, every
 * field of it: the return value is the offending datagram's payload
 * length, the buffer holds that payload, msg_name is where it was sent
 * (the server's address and port, with the family's full length),
 * msg_flags is exactly MSG_ERRQUEUE, and there is exactly one control
 * message, the sock_extended_err.  Taking the entry also takes the
 * pending error: SO_ERROR reads 0 afterwards.
 *
 * References: gVisor udp_socket.cc RecvErrorConnRefused; ip(7)
 * IP_RECVERR ("msg_name ... the destination address of the packet that
 * caused the error"); ip_recv_error() in net/ipv4/ip_sockglue.c,
 * ipv6_recv_error() in net/ipv6/datagram.c, sock_dequeue_err_skb() in
 * net/core/skbuff.c (sk_err = 0 when no ICMP error follows).
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr closed = addr_host(p, HOST_SERVER, PORT_CLOSED);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sockopt_recverr_on(p, client));
	must(p, sock_connect(p, client, closed));
	must(p, sock_send(p, client, "ping"));
	must(p, sock_poll(p, client, 0));

	struct errq_msg m = errq_recv_full(p, client, CALL_DATA_MAX, true);
	expect_ret(p, m.call, 4);
	expect_datagram(p, m.call, "ping", closed);
	expect_msg_flags(p, m.call, MSG_ERRQUEUE);
	expect_long(p, "control messages MSG_ERRQUEUE returned", 1, m.ncmsg);
	expect_errqueue(p, m, errq_port_unreachable(p));
	expect_pending_error(p, sockopt_so_error(p, client), 0);
}

const struct rule rule = {
	.id = "udp.errors.errqueue_entry_in_full",
	.sentence = "recvmsg(MSG_ERRQUEUE) returns the offending datagram's length and payload, "
		    "its destination as msg_name, msg_flags MSG_ERRQUEUE and one control message, "
		    "and leaves SO_ERROR 0.",
	.why = "ip_recv_error() (ipv6_recv_error()) copies the queued skb's payload, "
	       "writes the original destination and port into msg_name, puts one "
	       "IP_RECVERR (IPV6_RECVERR) cmsg and sets MSG_ERRQUEUE; "
	       "sock_dequeue_err_skb() clears sk_err when no ICMP error is left.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "ip(7) IP_RECVERR; ip_recv_error() in net/ipv4/ip_sockglue.c",
		  "4, \"ping\", the server, MSG_ERRQUEUE, 1 cmsg; SO_ERROR 0" },
		{ "POSIX", "no error queue", "not specified" },
		{ "BSD", "no MSG_ERRQUEUE", "not available" },
	},
	.run = run,
};
