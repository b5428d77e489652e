/* test.harness.hang: for IPv4 the rule blocks in recv() for ever; for IPv6 it
 * passes.  The harness must kill the hung family at its bound, report it
 * ERROR with the call it hung in, and still run the other family.
 *
 * If UDPC_TEST_READY names a FIFO, the hung child writes its pid there right
 * before blocking, so a test can act on a probe that is known to be inside
 * its namespaces, without guessing with sleeps. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void announce(void)
{
	const char *fifo = getenv("UDPC_TEST_READY");
	char pid[32];

	if (!fifo)
		return;
	int fd = open(fifo, O_WRONLY | O_CLOEXEC);
	int n = snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
	if (fd < 0 || write(fd, pid, (size_t)n) != n)
		_exit(3);
	close(fd);
}

static void run(struct probe *p)
{
	struct sock *server = sock_open(p, HOST_SERVER, "server");
	struct call c = { .ok = 0 };
	char buf[16];

	must(p, sock_bind(p, server, addr_host(p, HOST_SERVER, PORT_SERVER)));
	if (probe_family(p) == FAM_IPV6) {
		expect_errno(p, sock_recv_nowait(p, server), EAGAIN);
		return;
	}
	trace_begin(p, &c, "recv(server, ..., 16, 0)");
	announce();
	trace_answer(&c, recv(sock_fd(server), buf, sizeof(buf), 0));
	trace_end(p, &c, NULL);
	expect_ok(p, c);
}

const struct rule rule = {
	.id = "test.harness.hang",
	.sentence = "A hung rule is killed at its bound and reported ERROR.",
	.why = "Harness self-test.",
	.families = FAM_IPV4 | FAM_IPV6,
	.skip_why = "two families are enough for a harness test",
	.topology = TOPO_LINK,
	.run = run,
};
