// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.must_fails: a setup step that fails (send() on an
 * unconnected socket, given to must()).  The rule was never asked: ERROR
 * with the call, not FAIL. */
#include "udpc.h"

#include <errno.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	must(p, sock_send(p, client, "ping"));
	expect_errno(p, sock_send(p, client, "never sent"), EDESTADDRREQ);
}

const struct rule rule = {
	.id = "udp.test.must_fails",
	.sentence = "A failing must() is reported ERROR with the call.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
