// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.unknown_topology: a rule that declares a topology the harness
 * does not know (a typo, or a rule newer than its harness).  The harness must
 * report ERROR saying so, not read past its table of topologies. */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.test.unknown_topology",
	.sentence = "A rule with an unknown topology is reported ERROR.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = (enum topology)42,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
