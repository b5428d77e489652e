// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.known_fail: a rule whose expectation fails on Linux for IPv4
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
	.id = "udp.test.known_fail",
	.sentence = "A failure the rule declares known is reported XFAIL.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.known = { FAM_IPV4, "all kernels", "udp_sendmsg() returns EDESTADDRREQ" },
	.run = run,
};
