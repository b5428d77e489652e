/* Trials of a flow of datagrams, and their records (trial.h). */
#define _GNU_SOURCE
#include "trial.h"
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

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

struct bench_trial trial_run(struct bench *b, const struct bench_flow *f, long n)
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

void trial_emit(struct bench *b, const char *head, int round, const struct bench_trial *t)
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

/* n figures, at least one: what statistics of n trials are taken over. */
static double *figures(struct bench *b, int n)
{
	double *v = calloc(n > 0 ? (size_t)n : 1, sizeof(*v));

	if (!v)
		probe_error(b->p, "out of memory");
	return v;
}

/* One figure of each trial, per datagram sent. */
static struct stats per_datagram(struct bench *b, const struct bench_trial *t, int n,
				 enum trial_figure f)
{
	double *v = figures(b, n);

	for (int i = 0; i < n; i++)
		v[i] = trial_figure(&t[i], f) / (double)(t[i].sent ? t[i].sent : 1);
	struct stats s = stats_of(v, n);
	free(v);
	return s;
}

void trial_summary_emit(struct bench *b, const char *head, const struct bench_trial *t, int n)
{
	char s1[200], s2[200], s3[200], s4[200], s5[200];
	long sent = 0, received = 0, drops = 0, lost = 0;
	double *rate = figures(b, n);

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
		   stats_json("send_cpu_ns", per_datagram(b, t, n, SEND_CPU), s1, sizeof(s1)),
		   stats_json("send_wall_ns", per_datagram(b, t, n, SEND_WALL), s2, sizeof(s2)),
		   stats_json("cpu_ns", per_datagram(b, t, n, CPU), s3, sizeof(s3)),
		   stats_json("wall_ns", per_datagram(b, t, n, WALL), s4, sizeof(s4)),
		   stats_json("datagrams_per_s", stats_of(rate, n), s5, sizeof(s5)));
	free(rate);
}

void trial_ratio_emit(struct bench *b, const char *head, const struct bench_trial *base,
		      const struct bench_trial *other, int n)
{
	double *cpu = figures(b, n), *wall = figures(b, n), *saved = figures(b, n);
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
	free(cpu);
	free(wall);
	free(saved);
}
