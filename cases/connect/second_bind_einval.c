/* udp.connect.second_bind_einval
 *
 * A UDP socket is bound once: a second bind(), to another port, fails with
 * EINVAL and the first name stays.  (To move a socket, open another.)
 *
 * References: __inet_bind() in net/ipv4/af_inet.c and __inet6_bind() in
 * net/ipv6/af_inet6.c ("if (sk->sk_state != TCP_CLOSE || inet->inet_num)
 * ... -EINVAL"); bind(2) "EINVAL The socket is already bound to an
 * address"; POSIX bind() [EINVAL]; Stevens UNP vol. 1 §4.4.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct addr first = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_ok(p, sock_bind(p, client, first));
	expect_errno(p, sock_bind(p, client, addr_host(p, HOST_CLIENT, PORT_OTHER)), EINVAL);
	expect_addr(p, sock_getsockname(p, client), first);
}

const struct rule rule = {
	.id = "udp.connect.second_bind_einval",
	.sentence = "A second bind() on a bound UDP socket fails with EINVAL and the first "
		    "address and port stay.",
	.why = "__inet_bind() (__inet6_bind()) refuses a socket that already has a local "
	       "port (inet_num) with -EINVAL before looking at the new address.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "EINVAL" },
		{ "POSIX", "bind(): [EINVAL] the socket is already bound", "EINVAL" },
		{ "BSD", "in_pcbbind() in 4.4BSD: lport already set is EINVAL", "EINVAL" },
	},
	.run = run,
};
