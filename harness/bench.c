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

/* ---- statistics ---------------------------------------------------------------- */

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Linear interpolation between closest ranks. */
static double quantile(const double *sorted, int n, double q)
{
	double pos = q * (n - 1);
	int lo = (int)pos;

	if (lo >= n - 1)
		return sorted[n - 1];
	return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
}

struct stats stats_of(double *v, int n)
{
	if (n <= 0)
		return (struct stats){ 0 };
	qsort(v, (size_t)n, sizeof(*v), double_cmp);
	return (struct stats){
		.median = quantile(v, n, 0.5),
		.q1 = quantile(v, n, 0.25),
		.q3 = quantile(v, n, 0.75),
		.min = v[0],
		.max = v[n - 1],
	};
}

const char *stats_json(const char *key, struct stats s, char *buf, size_t n)
{
	snprintf(buf, n, ",\"%s\":{\"median\":%.4g,\"q1\":%.4g,\"q3\":%.4g,\"min\":%.4g,\"max\":%.4g}",
		 key, s.median, s.q1, s.q3, s.min, s.max);
	return buf;
}

/* ---- trials -------------------------------------------------------------------------- */

/* What every datagram carries: its content does not matter. */
static const char payload[BENCH_PAYLOAD_MAX];

static void batch_send(struct bench *b, const struct bench_flow *f, struct mmsghdr *msgs, int k)
{
	const struct sockaddr *dest = f->dest ? (const struct sockaddr *)&f->dest->ss : NULL;
	socklen_t len = f->dest ? f->dest->len : 0;

	if (f->mmsg) {
		for (int done = 0; done < k;) {
			int m = sendmmsg(f->from, msgs + done, (unsigned)(k - done), 0);
			if (m <= 0)
				probe_error(b->p, "sendmmsg: %s", strerror(errno));
			done += m;
		}
		return;
	}
	for (int i = 0; i < k; i++) {
		ssize_t n = dest ? sendto(f->from, payload, (size_t)f->payload, 0, dest, len)
				 : send(f->from, payload, (size_t)f->payload, 0);
		if (n != f->payload)
			probe_error(b->p, "%s: %s", dest ? "sendto" : "send", strerror(errno));
	}
}

struct bench_trial bench_trial_run(struct bench *b, const struct bench_flow *f, long n)
{
	struct mmsghdr msgs[BENCH_BATCH];
	struct iovec iov = { .iov_base = (void *)payload, .iov_len = (size_t)f->payload };
	struct bench_trial t = { 0 };

	for (int i = 0; i < BENCH_BATCH; i++)
		msgs[i] = (struct mmsghdr){ .msg_hdr = { .msg_name =
								 f->dest ? (void *)&f->dest->ss : NULL,
							 .msg_namelen = f->dest ? f->dest->len : 0,
							 .msg_iov = &iov,
							 .msg_iovlen = 1 } };
	long drops0 = bench_drops(b, f->to);
	double w0 = clock_ns(), u0 = clock_rusage_ns();
	while (t.sent < n) {
		int k = n - t.sent < BENCH_BATCH ? (int)(n - t.sent) : BENCH_BATCH;
		double ws = clock_ns(), cs = clock_cpu_ns();
		batch_send(b, f, msgs, k);
		t.send_cpu += clock_cpu_ns() - cs;
		t.send_wall += clock_ns() - ws;
		t.sent += k;
		if (!bench_drain(b, f->to, t.sent, &t.received, drops0))
			break; /* lost on the way: counted below, not waited for again */
	}
	t.wall = clock_ns() - w0;
	t.cpu = clock_rusage_ns() - u0;
	t.drops = bench_drops(b, f->to) - drops0;
	t.lost = t.sent - t.received - t.drops;
	return t;
}

void bench_trial_emit(struct bench *b, const char *head, int round, const struct bench_trial *t)
{
	bench_emit(b,
		   "\"kind\":\"trial\",%s,\"round\":%d,\"sent\":%ld,\"received\":%ld,\"drops\":%ld,"
		   "\"lost\":%ld,\"send_wall_ns\":%.0f,\"send_cpu_ns\":%.0f,\"wall_ns\":%.0f,\"cpu_"
		   "ns\":%.0f",
		   head, round, t->sent, t->received, t->drops, t->lost, t->send_wall, t->send_cpu,
		   t->wall, t->cpu);
}

enum trial_figure { SEND_CPU, SEND_WALL, CPU, WALL };

static double trial_figure(const struct bench_trial *t, enum trial_figure f)
{
	switch (f) {
	case SEND_CPU:
		return t->send_cpu;
	case SEND_WALL:
		return t->send_wall;
	case CPU:
		return t->cpu;
	case WALL:
		break;
	}
	return t->wall;
}

/* One figure of each trial, per datagram sent. */
static struct stats per_datagram(const struct bench_trial *t, int n, enum trial_figure f)
{
	double v[n > 0 ? n : 1];

	for (int i = 0; i < n; i++)
		v[i] = trial_figure(&t[i], f) / (double)(t[i].sent ? t[i].sent : 1);
	return stats_of(v, n);
}

void bench_summary_emit(struct bench *b, const char *head, const struct bench_trial *t, int n)
{
	char s1[200], s2[200], s3[200], s4[200], s5[200];
	long sent = 0, received = 0, drops = 0, lost = 0;
	double rate[n > 0 ? n : 1];

	for (int i = 0; i < n; i++) {
		sent += t[i].sent;
		received += t[i].received;
		drops += t[i].drops;
		lost += t[i].lost;
		rate[i] = t[i].send_wall > 0 ? (double)t[i].sent * 1e9 / t[i].send_wall : 0;
	}
	bench_emit(b,
		   "\"kind\":\"summary\",%s,\"trials\":%d,\"sent\":%ld,\"received\":%ld,\"drops\":%ld,"
		   "\"lost\":%ld%s%s%s%s%s",
		   head, n, sent, received, drops, lost,
		   stats_json("send_cpu_ns", per_datagram(t, n, SEND_CPU), s1, sizeof(s1)),
		   stats_json("send_wall_ns", per_datagram(t, n, SEND_WALL), s2, sizeof(s2)),
		   stats_json("cpu_ns", per_datagram(t, n, CPU), s3, sizeof(s3)),
		   stats_json("wall_ns", per_datagram(t, n, WALL), s4, sizeof(s4)),
		   stats_json("datagrams_per_s", stats_of(rate, n), s5, sizeof(s5)));
}

void bench_ratio_emit(struct bench *b, const char *head, const struct bench_trial *base,
		      const struct bench_trial *other, int n)
{
	double cpu[n > 0 ? n : 1], wall[n > 0 ? n : 1], saved[n > 0 ? n : 1];
	char s1[200], s2[200], s3[200];

	for (int i = 0; i < n; i++) {
		double bc = base[i].send_cpu / (double)base[i].sent,
		       oc = other[i].send_cpu / (double)other[i].sent;
		double bw = base[i].send_wall / (double)base[i].sent,
		       ow = other[i].send_wall / (double)other[i].sent;
		cpu[i] = bc / oc;
		wall[i] = bw / ow;
		saved[i] = (bc - oc) / bc;
	}
	bench_emit(b, "\"kind\":\"ratio\",%s,\"rounds\":%d%s%s%s", head, n,
		   stats_json("cpu", stats_of(cpu, n), s1, sizeof(s1)),
		   stats_json("wall", stats_of(wall, n), s2, sizeof(s2)),
		   stats_json("saved_share", stats_of(saved, n), s3, sizeof(s3)));
}
