/* Verdicts in kselftest's words (tools/testing/selftests/kselftest.h), and
 * the one place that decides which of them fail a run. */
#ifndef UDPC_VERDICT_H
#define UDPC_VERDICT_H

#include <stdbool.h>

enum verdict {
	VERDICT_PASS,    /* the rule held */
	VERDICT_FAIL,    /* one of its expectations did not */
	VERDICT_XFAIL,   /* a FAIL the rule declares a known divergence */
	VERDICT_XPASS,   /* a declared-known family that passed: the kernel changed */
	VERDICT_SKIP,    /* not applicable here */
	VERDICT_ERROR,   /* the harness or the environment failed */
	VERDICT_TIMEOUT, /* no verdict within the bound: killed */
	VERDICT_COUNT,
};

/* "PASS", "XFAIL", ...: the JSON record's verdict. */
const char *verdict_name(enum verdict v);
/* "pass", "xfail", ...: kselftest's name in the '# Totals:' line (a
 * TIMEOUT counts as error there). */
const char *verdict_total_name(enum verdict v);
/* KTAP's "ok" (true) or "not ok". */
bool verdict_ok(enum verdict v);
/* Does this verdict fail the run?  FAIL, ERROR, TIMEOUT always; XFAIL and
 * XPASS only when strict (STRICT=1, --strict). */
bool verdict_fails_run(enum verdict v, bool strict);

#endif
