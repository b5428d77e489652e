// SPDX-License-Identifier: GPL-2.0-only
/* udp.test.crash: the rule dies by a signal after its first call.  The
 * harness must report ERROR naming the signal and the last call.  SIGABRT,
 * which the sanitizers leave alone (they catch SIGSEGV and SIGBUS); no
 * core file. */
#include "udpc.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");

	expect_errno(p, sock_send(p, client, "ping"), EDESTADDRREQ);
	(void)setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 }); /* a core file would only cost time */
	kill(getpid(), SIGABRT);
}

const struct rule rule = {
	.id = "udp.test.crash",
	.sentence = "A rule killed by a signal is reported ERROR with the signal.",
	.why = "Harness self-test.",
	.families = FAM_IPV4,
	.skip_why = "one family is enough for a harness test",
	.topology = TOPO_LOOPBACK,
	.outcomes = { { "Linux", "tests/harness.bats", "what this harness self-test exercises" } },
	.run = run,
};
