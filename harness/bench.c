/* The benchmarks' runner and measuring tools (bench.h).
 *
 * The runner is rule.c's in small: the parent forks, never enters a
 * namespace and never opens a socket; the child builds the topology, runs
 * the benchmark and reports over the channel rules use (chan.c), with 'R'
 * for a JSON record and 'M' for what building the topology took.
 */
#define _GNU_SOURCE
#include "bench.h"
#include "internal.h"
#include "result.h"
#include "clock.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/sock_diag.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long one child may take before it counts as hung. */
#define BENCH_BOUND_S 120

static struct {
	const char *name;
	bool quick;
	int bound_s;
	int nrecords;
	bool failed;
} run = { .bound_s = BENCH_BOUND_S };

bool bench_quick(void)
{
	return run.quick;
}

static __attribute__((noreturn)) void bench_usage(const char *what)
{
	fprintf(stderr, "%s: %s; usage: %s [--quick] [--bound SECONDS]\n", run.name, what, run.name);
	exit(64);
}

void bench_begin(int argc, char **argv, const char *name)
{
	static const struct option opts[] = {
		{ "quick", no_argument, NULL, 'q' },
		{ "bound", required_argument, NULL, 'b' },
		{ 0 },
	};
	int c;

	run.name = name;
	while ((c = getopt_long(argc, argv, "qb:", opts, NULL)) != -1) {
		char *end;
		if (c == 'q') {
			run.quick = true;
		} else if (c == 'b') {
			run.bound_s = (int)strtol(optarg, &end, 10);
			if (*end || run.bound_s < 1 || run.bound_s > 3600)
				bench_usage("--bound takes whole seconds from 1 to 3600");
		} else {
			bench_usage("unknown option");
		}
	}
	if (optind != argc)
		bench_usage("unexpected argument");
	printf("{\"bench\":\"%s\",\"quick\":%s,\"records\":[", name, run.quick ? "true" : "false");
}

int bench_end(void)
{
	printf("\n]}\n");
	fflush(stdout);
	return run.failed ? 2 : 0;
}

static void record_put(const char *object)
{
	printf("%s\n%s", run.nrecords++ ? "," : "", object);
}

void bench_print(const char *fmt, ...)
{
	char body[PIPE_BUF - 2], buf[PIPE_BUF];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	snprintf(buf, sizeof(buf), "{%s}", body);
	record_put(buf);
}

void bench_emit(struct bench *b, const char *fmt, ...)
{
	char buf[PIPE_BUF - 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	chan_send(b->p, 'R', "{%s}", buf);
}

/* ---- a run: the family runner's (run.c), with the rules' verdicts -------------- */

struct bench_call {
	bench_fn fn;
	void *arg;
};

static void bench_child(struct probe *p, void *arg)
{
	const struct bench_call *call = arg;
	struct bench b = {
		.p = p,
		.quick = run.quick,
		.topology = topo_name(p->rule->topology),
		.family = family_name(p->fam),
	};

	call->fn(&b, call->arg);
}

/* The records of a run: 'R' into the document, 'M' into r. */
static void records_take(const struct records *rec, struct bench_result *r)
{
	for (size_t i = 0; i < rec->n; i++) {
		char *line = rec->line[i], *end;
		if (line[0] == 'R') {
			record_put(line + 2);
		} else if (line[0] == 'M') {
			r->build_ms = strtod(line + 2, &end);
			r->wait_ms = strtod(end, NULL);
		}
	}
}

static int run_verdict(const char *where, const struct result *res)
{
	if (res->verdict == VERDICT_PASS)
		return 0;
	if (res->verdict == VERDICT_SKIP) {
		bench_print("\"kind\":\"skip\",\"where\":\"%s\",\"reason\":\"%s\"", where, res->reason);
		fprintf(stderr, "%s: %s: SKIP %s\n", run.name, where, res->reason);
		return 1;
	}
	run.failed = true;
	if (res->verdict == VERDICT_TIMEOUT)
		fprintf(stderr, "%s: %s: TIMEOUT after %s (raise the bound with --bound)\n", run.name,
			where, res->reason);
	else
		fprintf(stderr, "%s: %s: ERROR: %s\n", run.name, where, res->reason);
	return -1;
}

int bench_run(enum topology t, enum family fam, bench_fn fn, void *arg, struct bench_result *r)
{
	struct rule spec = { .id = run.name, .topology = t, .families = fam };
	struct bench_call call = { fn, arg };
	struct result res = { .fam = fam };
	struct bench_result ignored = { 0 };
	char where[128];

	r = r ? r : &ignored;
	*r = (struct bench_result){ 0 };
	snprintf(where, sizeof(where), "%s/%s", topo_name(t), family_name(fam));
	run_family(&spec, fam, -1, run.bound_s, bench_child, &call, &res.run);
	result_judge(&res, &spec, run.bound_s);
	records_take(&res.run.rec, r);
	r->total_ms = res.run.ms;
	int v = run_verdict(where, &res);
	result_free(&res);
	return v;
}

/* ---- sockets ------------------------------------------------------------------------ */

int bench_socket(struct bench *b, enum host h, int rcvbuf)
{
	netns_enter(b->p, b->p->ns[h]);
	int fd = socket(b->p->fam == FAM_IPV4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		probe_error(b->p, "socket: %s (with many sockets: raise ulimit -n)", strerror(errno));
	/* FORCE: past net.core.rmem_max, which only the caller's namespace has. */
	if (rcvbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) != 0)
		probe_error(b->p, "setsockopt(SO_RCVBUFFORCE): %s", strerror(errno));
	return fd;
}

void bench_sockopt_on(struct bench *b, int fd, int name, const char *what)
{
	int on = 1;

	if (setsockopt(fd, SOL_SOCKET, name, &on, sizeof(on)) != 0)
		probe_error(b->p, "setsockopt(%s): %s", what, strerror(errno));
}

void bench_bind(struct bench *b, int fd, const struct addr *a)
{
	char buf[80];

	if (bind(fd, (const struct sockaddr *)&a->ss, a->len) != 0)
		probe_error(b->p, "bind %s: %s", addr_str(a, buf, sizeof(buf)), strerror(errno));
}

void bench_connect(struct bench *b, int fd, const struct addr *a)
{
	char buf[80];

	if (connect(fd, (const struct sockaddr *)&a->ss, a->len) != 0)
		probe_error(b->p, "connect %s: %s", addr_str(a, buf, sizeof(buf)), strerror(errno));
}

long bench_drops(struct bench *b, int fd)
{
	uint32_t mem[SK_MEMINFO_VARS] = { 0 };
	socklen_t len = sizeof(mem);

	if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, mem, &len) != 0)
		probe_error(b->p, "getsockopt(SO_MEMINFO): %s", strerror(errno));
	return len > SK_MEMINFO_DROPS * sizeof(uint32_t) ? (long)mem[SK_MEMINFO_DROPS] : 0;
}

#define DRAIN_BATCH 64
#define DRAIN_BYTES 2048

bool bench_drain(struct bench *b, int fd, long expected, long *received, long drops0)
{
	/* Written by recvmmsg() through iov, which cppcheck does not follow. */
	// cppcheck-suppress constVariable
	static char bufs[DRAIN_BATCH][DRAIN_BYTES];
	struct mmsghdr msgs[DRAIN_BATCH];
	struct iovec iov[DRAIN_BATCH];

	for (int i = 0; i < DRAIN_BATCH; i++) {
		iov[i] = (struct iovec){ .iov_base = bufs[i], .iov_len = DRAIN_BYTES };
		msgs[i] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &iov[i], .msg_iovlen = 1 } };
	}
	while (*received < expected) {
		int n = recvmmsg(fd, msgs, DRAIN_BATCH, MSG_DONTWAIT, NULL);
		if (n > 0) {
			*received += n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			probe_error(b->p, "recvmmsg: %s", strerror(errno));
		/* Nothing queued: what is missing was dropped, or is still in a
		 * softirq that ksoftirqd took over. */
		if (*received + bench_drops(b, fd) - drops0 >= expected)
			return true;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		if (poll(&pfd, 1, WAIT_MS) == 0)
			return false;
	}
	return true;
}
