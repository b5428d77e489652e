// SPDX-License-Identifier: GPL-2.0-only
/* udp.recv.short_address_buffer_truncated
 *
 * recvfrom() with less room for the source address than its sockaddr
 * needs stores only what fits and answers the full length in *addrlen:
 * given 4 bytes, the kernel writes the family and the port, leaves the
 * address bytes alone, and says 16 (IPv4) or 28 (IPv6), so the caller can
 * tell the address was cut.  The datagram itself is received whole.
 *
 * References: POSIX recvfrom() "If the actual length of the address is
 * greater than the length of the supplied sockaddr structure, the stored
 * address shall be truncated"; socket(7)/recv(2) ("the returned address
 * is truncated ... addrlen will return a value greater than was supplied
 * to the call"); move_addr_to_user() in net/socket.c.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, server, at_server));
	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	must(p, sock_sendto(p, client, "ping", at_server));

	/* Family and port written, address bytes untouched (zero), full length. */
	expect_datagram(p, sock_recvfrom_addrlen(p, server, 4), "ping", addr_wildcard(p, PORT_CLIENT));
}

const struct rule rule = {
	.id = "udp.recv.short_address_buffer_truncated",
	.sentence = "recvfrom() with 4 bytes of room for the source writes only the family and port "
		    "and answers the full address length (16 or 28) in addrlen.",
	.why = "move_addr_to_user() copies min(room, klen) bytes of the sockaddr that "
	       "udp_recvmsg() (udpv6_recvmsg()) filled, and stores klen in *addrlen.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "move_addr_to_user() in net/socket.c", "family and port; addrlen 16 (28)" },
		{ "POSIX", "recvfrom(): the stored address shall be truncated", "truncated" },
		{ "BSD", "FreeBSD: sa_len of the address copied", "truncated, addrlen the full length" },
	},
	.run = run,
};
