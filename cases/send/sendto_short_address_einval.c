/* udp.send.sendto_short_address_einval
 *
 * sendto() with an address length one byte short of the smallest the
 * family accepts fails with EINVAL.  For AF_INET that is sizeof(struct
 * sockaddr_in), 16; AF_INET6 accepts the 24-byte sockaddr_in6 of RFC 2133,
 * which had no sin6_scope_id, as well as today's 28 bytes, so 23 is short.
 *
 * References: udp_sendmsg() in net/ipv4/udp.c ("if (msg->msg_namelen <
 * sizeof(*usin)) return -EINVAL"), udpv6_sendmsg() in net/ipv6/udp.c ("if
 * (addr_len < SIN6_LEN_RFC2133) return -EINVAL"); POSIX sendto() "[EINVAL]
 * The dest_len argument is not a valid length for the address family";
 * in_pcbconnect() in 4.4BSD.
 */
#include "udpc.h"

#include <errno.h>

/* sockaddr_in6 as RFC 2133 defined it, before sin6_scope_id was added. */
#define SIN6_LEN_RFC2133 24

static void run(struct probe *p)
{
	struct addr at_server = addr_host(p, HOST_SERVER, PORT_SERVER);
	socklen_t shortest =
		probe_family(p) == FAM_IPV4 ? sizeof(struct sockaddr_in) : SIN6_LEN_RFC2133;
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_CLIENT)));
	expect_errno(p, sock_sendto_len(p, client, "short", at_server, shortest - 1), EINVAL);
}

const struct rule rule = {
	.id = "udp.send.sendto_short_address_einval",
	.sentence = "sendto() with an address length shorter than the family's sockaddr fails "
		    "with EINVAL.",
	.why = "udp_sendmsg() requires msg_namelen >= sizeof(struct sockaddr_in) and "
	       "udpv6_sendmsg() requires SIN6_LEN_RFC2133 (24) for AF_INET6; both "
	       "return -EINVAL before reading the address.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = {
		{ "Linux", "udp_sendmsg() in net/ipv4/udp.c", "EINVAL" },
		{ "POSIX", "sendto(): [EINVAL] dest_len not a valid length", "EINVAL" },
		{ "BSD", "in_pcbconnect() in 4.4BSD (m_len != sizeof(*sin))", "EINVAL" },
	},
	.run = run,
};
