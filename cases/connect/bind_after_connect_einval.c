/* udp.connect.bind_after_connect_einval
 *
 * connect() binds an unbound UDP socket (udp.connect.unbound_gets_route_
 * source_and_ephemeral_port), and a socket is bound only once: bind()
 * after connect() fails with EINVAL and leaves the name connect() chose.
 *
 * References: __inet_bind() in net/ipv4/af_inet.c and __inet6_bind() in
 * net/ipv6/af_inet6.c ("if (sk->sk_state != TCP_CLOSE || inet->inet_num)
 * ... -EINVAL"); bind(2) "EINVAL The socket is already bound to an
 * address"; POSIX bind() [EINVAL] "The socket is already bound to an
 * address"; gVisor test/syscalls/linux/udp_socket.cc BindToAnyAfterConnect.
 */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_errno(p, sock_bind(p, client, addr_wildcard(p, PORT_OTHER)), EINVAL);
	expect_addr(p, sock_getsockname(p, client), addr_host(p, HOST_CLIENT, PORT_EPHEMERAL));
}

const struct rule rule = {
	.id = "udp.connect.bind_after_connect_einval",
	.sentence = "bind() on a UDP socket after connect() fails with EINVAL and keeps the "
		    "address and port connect() gave it.",
	.why = "__inet_bind() (__inet6_bind()) refuses a socket that is not TCP_CLOSE or "
	       "already has a local port with -EINVAL; connect() left it TCP_ESTABLISHED "
	       "with an ephemeral port.",
	.families = FAM_ALL,
	.topology = TOPO_LINK,
	.outcomes = {
		{ "Linux", "__inet_bind() in net/ipv4/af_inet.c", "EINVAL" },
		{ "POSIX", "bind(): [EINVAL] the socket is already bound", "EINVAL" },
		{ "BSD", "in_pcbbind() in 4.4BSD: lport already set is EINVAL", "EINVAL" },
	},
	.run = run,
};
