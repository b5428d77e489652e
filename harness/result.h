/* SPDX-License-Identifier: GPL-2.0-only */
/* One rule x family: its verdict, the reason, and what the child reported.
 * The one place a run becomes a verdict. */
#ifndef UDPC_RESULT_H
#define UDPC_RESULT_H

#include "run.h"
#include "verdict.h"

struct result {
	enum family fam;
	enum verdict verdict;
	char reason[1024];
	struct run run;
};

/* True if divergence d is expected for fam on kernel running (kver_parse()):
 * its families, the kernel within [since, fixed) and not on a stable release
 * that has the fix (d->stable).  running -1, unknown: expected. */
bool result_known_on(const struct divergence *d, enum family fam, long running);
/* result_known_on() for the rule's divergence on the running kernel. */
bool result_known(const struct rule *r, enum family fam);
/* The verdict of a family that ran (run_family()) with bound_s. */
void result_judge(struct result *res, const struct rule *r, int bound_s);
/* A family the rule does not apply to: SKIP with the rule's skip_why. */
void result_not_applicable(struct result *res, const struct rule *r);
/* A family that was never run: ERROR with reason. */
void result_lost(struct result *res, const char *reason);
void result_free(struct result *res);

#endif
