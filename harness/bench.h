/* udpconform benchmarks: what a bench/<name>.c program sees.
 *
 * A benchmark runs like a rule: in a forked child, inside fresh network
 * namespaces built by the harness's own topology code, so it never touches
 * the caller's namespace and its namespaces die with it, even on SIGKILL.
 * The child reports one JSON object per line (bench_emit); the parent prints
 * the whole program's output as one JSON document on stdout:
 *   {"bench": NAME, "quick": BOOL, "records": [ {...}, ... ]}
 * (docs/bench-schema.md).  Figures are CPU time from the process's own
 * accounting and wall time, per datagram; statistics are median, quartiles,
 * min and max over trials.
 */
#ifndef UDPC_BENCH_H
#define UDPC_BENCH_H

#include "udpc.h"
#include "clock.h"

#include <stdio.h>

/* What a benchmark's code gets in the child. */
struct bench {
	struct probe *p;
	const char *topology, *family; /* their names: "link", "ipv6" */
	bool quick;                    /* fewer datagrams and trials: emulators (BENCH_QUICK=1) */
	double build_ms;               /* topo_build() took this long */
	double wait_ms;                /* topo_wait_links() took this long */
};

typedef void (*bench_fn)(struct bench *b, void *arg);

/* What the parent learns of one run. */
struct bench_result {
	double build_ms, wait_ms; /* as the child measured them */
	double total_ms;          /* fork to reap, as the parent saw it */
};

/* Command line of every bench program: [--quick] [--bound SECONDS].
 * Prints the document's head; bench_end() prints its tail. */
void bench_begin(int argc, char **argv, const char *name);
/* Runs fn in a child inside fresh namespaces for topology t and family fam.
 * Returns 0, or -1 after printing one line saying why (ERROR), or 1 if the
 * child skipped (a skip record is in the document). */
int bench_run(enum topology t, enum family fam, bench_fn fn, void *arg, struct bench_result *r);
/* Exit status of the program: 0, or 2 if any run failed. */
int bench_end(void);
bool bench_quick(void);

/* One record (a JSON object, without braces) from the child... */
void bench_emit(struct bench *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* ...or from the parent. */
void bench_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- measuring ---------------------------------------------------------------- */

/* A socket of type SOCK_DGRAM in host h, in the probe's family; ERROR if it
 * cannot be made.  bytes > 0: its receive buffer (SO_RCVBUFFORCE). */
int bench_socket(struct bench *b, enum host h, int rcvbuf);
/* setsockopt(fd, SOL_SOCKET, name, 1) or ERROR. */
void bench_sockopt_on(struct bench *b, int fd, int name, const char *what);
void bench_bind(struct bench *b, int fd, const struct addr *a);
void bench_connect(struct bench *b, int fd, const struct addr *a);

/* Datagrams this socket dropped so far (SO_MEMINFO: receive buffer full,
 * checksum, filter). */
long bench_drops(struct bench *b, int fd);
/* Reads datagrams from fd until *received + drops since drops0 reach
 * expected, waiting at most WAIT_MS for each next one.  Returns false if
 * that bound ran out: datagrams were lost on the way. */
bool bench_drain(struct bench *b, int fd, long expected, long *received, long drops0);

/* One flow of datagrams, sender to receiver, both sockets already set up. */
struct bench_flow {
	int from;                /* the sending socket */
	int to;                  /* the receiving socket, drained after every batch */
	const struct addr *dest; /* sendto()/msg_name; NULL: send() on a connected socket */
	bool mmsg;               /* sendmmsg() of a batch instead of one call each */
	int payload;             /* bytes per datagram, at most BENCH_PAYLOAD_MAX */
};

#define BENCH_PAYLOAD_MAX 1472
/* Datagrams sent between two drains: small enough that the receive queue
 * (SO_RCVBUFFORCE BENCH_RCVBUF) never fills. */
#define BENCH_BATCH 32
#define BENCH_RCVBUF (4 << 20)

/* One trial's totals, in ns of the whole trial. */
struct bench_trial {
	long sent, received, drops, lost;
	double send_wall, send_cpu; /* inside the send calls only */
	double wall, cpu;           /* the whole trial, receiving included; cpu: getrusage */
};

/* Sends n datagrams in batches of BENCH_BATCH, draining the receiver after
 * each batch, and times the send calls apart from the rest. */
struct bench_trial bench_trial_run(struct bench *b, const struct bench_flow *f, long n);
/* Records: "kind":"trial" for one trial, "kind":"summary" for trials of one
 * setting (per-datagram statistics), "kind":"ratio" for base/other per round
 * (trials measured in alternation: base[i] and other[i] in the same round).
 * head: the JSON members naming the setting ("\"scenario\":\"send\",..."). */
void bench_trial_emit(struct bench *b, const char *head, int round, const struct bench_trial *t);
void bench_summary_emit(struct bench *b, const char *head, const struct bench_trial *t, int n);
void bench_ratio_emit(struct bench *b, const char *head, const struct bench_trial *base,
		      const struct bench_trial *other, int n);


/* Median, quartiles, min and max of v[0..n) (sorted in place). */
struct stats {
	double median, q1, q3, min, max;
};
struct stats stats_of(double *v, int n);
/* ,"key":{"median":..,"q1":..,"q3":..,"min":..,"max":..} into buf. */
const char *stats_json(const char *key, struct stats s, char *buf, size_t n);

#endif
