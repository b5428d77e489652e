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

#include "clock.h"
#include "stats.h"
#include "udpc.h"

#include <stdio.h>

/* What a benchmark's code gets in the child. */
struct bench {
	struct probe *p;
	const char *topology, *family; /* their names: "link", "ipv6" */
	bool quick;                    /* fewer datagrams and trials: emulators (BENCH_QUICK=1) */
	double build_ms;               /* topo_build() took this long */
	double wait_ms;                /* ready_wait() took this long */
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

#endif
