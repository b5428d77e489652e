// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.sockaddr_complete_after_disconnect
 *
 * However a program spells the disconnect, the socket is left whole: an
 * AF_UNSPEC address of length 2 (the family alone), of sizeof(struct
 * sockaddr) and of the socket family's full sockaddr length each
 * disconnect, and afterwards getsockname() returns the bound address and
 * port with the full length of the family's sockaddr (16 for
 * sockaddr_in, 28 for sockaddr_in6), and getpeername() says ENOTCONN.
 *
 * References: connect(2) AF_UNSPEC; inet_dgram_connect() in
 * net/ipv4/af_inet.c (only sa_family is read); inet_getname() in
 * net/ipv4/af_inet.c and inet6_getname() in net/ipv6/af_inet6.c (return
 * sizeof(struct sockaddr_in) / sizeof(struct sockaddr_in6)); POSIX
 * getsockname().
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr bound = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	socklen_t full =
		probe_family(p) == FAM_IPV4 ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	const socklen_t lengths[] = { sizeof(sa_family_t), sizeof(struct sockaddr), full };
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, bound));
	for (int i = 0; i < 3; i++) {
		must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
		expect_ok(p, sock_connect_len(p, client, addr_unspec(), lengths[i]));
		struct call name = sock_getsockname(p, client);
		expect_addr(p, name, bound);
		expect_long(p, "getsockname() address length", (long)full, (long)name.addr.len);
		expect_errno(p, sock_getpeername(p, client), ENOTCONN);
	}
}

const struct rule rule = {
	.id = "udp.disconnect.sockaddr_complete_after_disconnect",
	.sentence = "After a disconnect with an AF_UNSPEC address of length 2, 16 or the family's "
		    "own, getsockname() returns the bound address with its full length and "
		    "getpeername() fails with ENOTCONN.",
	.why = "inet_dgram_connect() reads only sa_family of the AF_UNSPEC address; the "
	       "bound address stays (SOCK_BINDADDR_LOCK), and inet_getname()/inet6_getname() "
	       "always return the whole sockaddr_in/sockaddr_in6.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "inet_getname() in net/ipv4/af_inet.c", "bound address, 16 / 28" },
		{ "POSIX", "getsockname(): the address and its length", "bound address" },
		{ "BSD", "Stevens UNP vol. 1 §8.11 (may refuse AF_UNSPEC with EAFNOSUPPORT)",
		  "bound address" },
	},
	.run = run,
};
