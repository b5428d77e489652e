/* The probe's stdout: KTAP version 1, test names the family names. */
#ifndef UDPC_KTAP_H
#define UDPC_KTAP_H

#include "result.h"

struct ktap_totals {
	unsigned n[VERDICT_COUNT];
};

/* "KTAP version 1", "# <id>: <sentence>", "1..<n>". */
void ktap_plan(const struct rule *r, int n);
/* The family's '#' lines (transcript, notes, failed checks, details of an
 * XFAIL or XPASS), then its "ok"/"not ok" line; counted in t. */
void ktap_result(const struct result *res, int number, struct ktap_totals *t);
/* "# Totals: pass:N fail:N xfail:N xpass:N skip:N error:N" */
void ktap_totals(const struct ktap_totals *t);

#endif
