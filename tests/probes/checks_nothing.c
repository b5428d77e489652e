// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.checks_nothing: a rule that makes calls but checks none of
 * them.  A rule that cannot fail is a defect: ERROR, never PASS. */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	sock_send(p, client, "ping");
}

const struct rule rule = {
	.id = "udp.test.checks_nothing",
	.sentence = "A rule that checks nothing is reported ERROR.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
