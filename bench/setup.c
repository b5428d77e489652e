// SPDX-License-Identifier: GPL-2.0-only
/* What a rule pays before its first call: the namespaces of its topology,
 * built (topo_build()) and ready to carry traffic (ready_wait()).
 * Every family of every rule pays it once, in a child of its own, so the
 * figure per topology, times the rules' families, is the suite's setup cost.
 * The parent's figure (fork to reap) adds the fork and the exit.
 */
#include "bench.h"

#include <stdio.h>

#define REPS_MAX 40

static void setup_nothing(struct bench *b, void *arg)
{
	(void)b;
	(void)arg;
}

static void topology_time(enum topology t, const char *name, int reps)
{
	double build[REPS_MAX], wait[REPS_MAX], total[REPS_MAX], ready[REPS_MAX];
	char s1[200], s2[200], s3[200], s4[200];
	int n = 0;

	/* The first run pays for page faults and module loads: not kept. */
	bench_run(t, FAM_IPV4, setup_nothing, NULL, NULL);
	for (int i = 0; i < reps; i++) {
		struct bench_result r;
		if (bench_run(t, FAM_IPV4, setup_nothing, NULL, &r) != 0)
			return;
		build[n] = r.build_ms;
		wait[n] = r.wait_ms;
		ready[n] = r.build_ms + r.wait_ms;
		total[n++] = r.total_ms;
	}
	bench_print("\"kind\":\"setup\",\"topology\":\"%s\",\"reps\":%d%s%s%s%s", name, n,
		    stats_json("build_ms", stats_of(build, n), s1, sizeof(s1)),
		    stats_json("wait_ms", stats_of(wait, n), s2, sizeof(s2)),
		    stats_json("ready_ms", stats_of(ready, n), s3, sizeof(s3)),
		    stats_json("total_ms", stats_of(total, n), s4, sizeof(s4)));
}

int main(int argc, char **argv)
{
	bench_begin(argc, argv, "setup");
	/* Every topology the harness knows, in its own order (netns/topo_spec.c). */
	for (enum topology t = 0; t < TOPO_COUNT; t++)
		topology_time(t, topo_name(t), bench_quick() ? 5 : 20);
	return bench_end();
}
