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

/* The verdict of a family that ran (run_family()) with bound_s. */
void result_judge(struct result *res, const struct rule *r, int bound_s);
/* A family the rule does not apply to: SKIP with the rule's skip_why. */
void result_not_applicable(struct result *res, const struct rule *r);
/* A family that was never run: ERROR with reason. */
void result_lost(struct result *res, const char *reason);
void result_free(struct result *res);

#endif
