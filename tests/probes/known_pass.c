// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.known_pass: a rule that declares a known divergence for
 * IPv4 where the kernel in fact does what the rule says.  XPASS: a fixed
 * kernel bug must show, not pass silently; --strict fails the run on it. */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.test.known_pass",
	.sentence = "A declared known divergence that does not occur is reported XPASS.",
	.why = "Harness self-test.",
	.families = FAM_IPV4 | FAM_IPV6,
	.skip_why = "two families are enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.known = { FAM_IPV4, "up to v6.0 (say)", "an example divergence that was fixed" },
	.run = run,
};
