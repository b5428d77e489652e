/* test.harness.known_fail: a rule whose expectation fails on Linux for IPv4
 * (POSIX's ENOTCONN, not Linux's EDESTADDRREQ) and which declares that a
 * known divergence.  XFAIL: the run passes, unless --strict. */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), ENOTCONN);
}

const struct rule rule = {
	.id = "test.harness.known_fail",
	.sentence = "A failure the rule declares known is reported XFAIL.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.known = { FAM_IPV4, "all kernels", "udp_sendmsg() returns EDESTADDRREQ" },
	.run = run,
};
