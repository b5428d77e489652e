/* The family runner (run.h).
 *
 * The parent never enters a namespace and never opens a socket: whatever
 * the child does, and however it dies, the caller's namespace is untouched,
 * and the namespaces die with the child. */
#define _GNU_SOURCE
#include "run.h"
#include "clock.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static __attribute__((noreturn)) void child_run(struct probe *p, int cpu, run_fn fn, void *arg,
						pid_t parent)
{
	/* The namespaces must not outlive the parent either. */
	if (!child_bind(parent))
		_exit(2);
	child_pin(p, cpu);
	double t0 = clock_ms();
	topo_build(p);
	double t1 = clock_ms();
	ready_wait(p);
	chan_send(p, 'M', "%.6f %.6f", t1 - t0, clock_ms() - t1);
	fn(p, arg);
	chan_send(p, 'D', "done");
	_exit(0);
}

/* Takes the whole lines of buf[0..used) as records; returns what is left. */
static size_t lines_take(char *buf, size_t used, struct records *rec)
{
	char *start = buf, *nl;

	buf[used] = '\0';
	while ((nl = strchr(start, '\n'))) {
		*nl = '\0';
		if (nl - start >= 2)
			records_add(rec, start);
		start = nl + 1;
	}
	used -= (size_t)(start - buf);
	memmove(buf, start, used);
	return used;
}

/* Reads the child's records until it closes the channel or the bound runs out. */
static bool collect(int fd, struct records *rec, double deadline)
{
	char buf[65536];
	size_t used = 0;

	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int left = clock_left_ms(deadline);
		if (left == 0)
			return false;
		if (poll(&pfd, 1, left) <= 0)
			continue; /* EINTR, or the bound: looked at again above */
		ssize_t n = read(fd, buf + used, sizeof(buf) - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return true;
		used = lines_take(buf, used + (size_t)n, rec);
		if (used == sizeof(buf) - 1)
			used = 0; /* a record longer than the buffer: drop it */
	}
}

void run_family(const struct rule *r, enum family fam, int cpu, int bound_s, run_fn fn, void *arg,
		struct run *out)
{
	struct probe p = { .fam = fam, .rule = r, .switch_ns = -1 };
	int chan[2];
	double start = clock_ms();

	*out = (struct run){ 0 };
	if (pipe2(chan, O_CLOEXEC) != 0) {
		snprintf(out->failure, sizeof(out->failure), "pipe: %s", strerror(errno));
		return;
	}
	fflush(stdout);
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		close(chan[0]);
		p.chan = chan[1];
		child_run(&p, cpu, fn, arg, parent);
	}
	close(chan[1]);
	if (pid < 0) {
		close(chan[0]);
		snprintf(out->failure, sizeof(out->failure), "fork: %s", strerror(errno));
		return;
	}
	out->finished = collect(chan[0], &out->rec, start + bound_s * 1000.0);
	if (!out->finished)
		kill(pid, SIGKILL);
	close(chan[0]);
	while (waitpid(pid, &out->status, 0) < 0 && errno == EINTR)
		;
	out->ms = clock_ms() - start;
}
