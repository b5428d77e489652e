/* The family runner, shared by rules (main.c) and benchmarks (bench.c):
 * one forked child per family, in fresh namespaces, reporting over a
 * channel (chan.c), killed at one bound. */
#ifndef UDPC_RUN_H
#define UDPC_RUN_H

#include "records.h"
#include "udpc.h"

/* One family's run, as the parent saw it. */
struct run {
	struct records rec;
	bool finished;     /* the child closed its channel within the bound */
	int status;        /* its wait status */
	double ms;         /* fork to reap */
	char failure[128]; /* pipe() or fork() failed: why; "" otherwise */
};

typedef void (*run_fn)(struct probe *p, void *arg);

/* Runs fn for rule r in family fam in a child that dies with this process,
 * pinned to cpu (-1: the CPU it starts on), after building r's topology
 * and waiting for its links (what that took: an 'M' record, "build wait"
 * in ms).  The child's records are collected into out until it ends or
 * bound_s runs out; then it is killed. */
void run_family(const struct rule *r, enum family fam, int cpu, int bound_s, run_fn fn, void *arg,
		struct run *out);

#endif
