// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.skips: a rule that finds itself not applicable at run time
 * (probe_skip()).  Every family SKIP: exit 4, the reason in the directive. */
#include "udpc.h"

static void run(struct probe *p)
{
	probe_skip(p, "not applicable here: a harness test");
}

const struct rule rule = {
	.id = "udp.test.skips",
	.sentence = "probe_skip() is reported SKIP with its reason.",
	.why = "Harness self-test.",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
