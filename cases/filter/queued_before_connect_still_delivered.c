/* udp.filter.queued_before_connect_still_delivered
 *
 * The connected socket's filter works on arrival, not on reading.  A
 * datagram that was already in the receive queue when the socket connected
 * is still delivered afterwards, even though it comes from a host that is
 * not the new peer: connect() does not purge the queue.
 *
 * The stranger's datagram is shown to be queued before connect() by a
 * recvfrom(MSG_PEEK), which leaves it in place.  The peer's datagram, sent
 * after connect(), is the sentinel: if the queue had been purged it would
 * be read first.
 *
 * References: udp(7); ip4_datagram_connect() in net/ipv4/datagram.c and
 * ip6_datagram_connect() in net/ipv6/datagram.c (they rehash the socket,
 * they do not touch sk_receive_queue); Stevens UNP vol. 1 §8.11.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr from_client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr from_stranger = addr_host(p, HOST_STRANGER, PORT_STRANGER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	struct sock *stranger = sock_open(p, HOST_STRANGER, "stranger");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, from_client));
	must(p, sock_bind(p, stranger, from_stranger));
	must(p, sock_sendto(p, stranger, "early", at_server));
	must(p, sock_recv_peek(p, server));

	expect_ok(p, sock_connect(p, server, from_client));
	must(p, sock_sendto(p, client, "after connect", at_server));
	expect_datagram(p, sock_recv(p, server), "early", from_stranger);
	expect_datagram(p, sock_recv(p, server), "after connect", from_client);
}

const struct rule rule = {
	.id = "udp.filter.queued_before_connect_still_delivered",
	.sentence = "Datagrams queued before connect() are still delivered after it, even "
		    "from a host that is not the new peer.",
	.why = "The filter is the receive lookup, compute_score(), which runs when a "
	       "datagram arrives; ip4_datagram_connect() (ip6_datagram_connect()) only "
	       "sets the peer and rehashes the socket, leaving sk_receive_queue as it is.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "ip4_datagram_connect() in net/ipv4/datagram.c", "delivered" },
		{ "POSIX", "connect(): no word on datagrams already queued", "unspecified" },
		{ "BSD", "Stevens UNP vol. 1 §8.11; in_pcbconnect() leaves so_rcv", "delivered" },
	},
	.run = run,
};
