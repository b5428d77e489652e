// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.wrong_expectation: a rule whose expectation is wrong on Linux
 * on purpose (POSIX's ENOTCONN instead of Linux's EDESTADDRREQ).  The harness
 * must call it FAIL, with what was expected and what was observed. */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), ENOTCONN);
}

const struct rule rule = {
	.id = "udp.test.wrong_expectation",
	.sentence = "A wrong expectation is reported as FAIL.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
