/* KTAP (ktap.h), in kselftest's words: ok / not ok, and the directives
 * SKIP, XFAIL, XPASS, ERROR, TIMEOUT after '#'. */
#include "ktap.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

void ktap_plan(const struct rule *r, int n)
{
	printf("KTAP version 1\n# %s: %s\n1..%d\n", r->id, r->sentence, n);
}

static void ktap_diagnostics(const struct records *rec)
{
	struct check c;

	for (size_t i = 0; i < rec->n; i++) {
		const char *l = rec->line[i];
		if (l[0] == 'T')
			printf("# %s\n", l + 2);
		else if (l[0] == 'N')
			printf("# note: %s\n", l + 2);
		else if (records_check(l, &c) && !c.ok)
			printf("# FAIL %s: expected %s, observed %s\n", c.what, c.expected, c.observed);
	}
}

/* The directive after '#', and its short fixed text; the details of an
 * XFAIL or XPASS go on a '#' line before the result line. */
static const char *directive_text(const struct result *res)
{
	switch (res->verdict) {
	case VERDICT_XFAIL:
		return "known divergence";
	case VERDICT_XPASS:
		return "known divergence did not occur";
	case VERDICT_SKIP:
	case VERDICT_ERROR:
	case VERDICT_TIMEOUT:
		return res->reason;
	case VERDICT_PASS:
	case VERDICT_FAIL:
	case VERDICT_COUNT:
		break;
	}
	return NULL;
}

void ktap_result(const struct result *res, int number, struct ktap_totals *t)
{
	const char *directive = directive_text(res);

	ktap_diagnostics(&res->run.rec);
	if (res->verdict == VERDICT_XFAIL || res->verdict == VERDICT_XPASS)
		printf("# %s\n", res->reason);
	printf("%sok %d %s", verdict_ok(res->verdict) ? "" : "not ", number, family_name(res->fam));
	if (directive)
		printf(" # %s %s", verdict_name(res->verdict), directive);
	printf("\n");
	fflush(stdout);
	t->n[res->verdict]++;
}

void ktap_totals(const struct ktap_totals *t)
{
	static const enum verdict order[] = { VERDICT_PASS,  VERDICT_FAIL, VERDICT_XFAIL,
					      VERDICT_XPASS, VERDICT_SKIP, VERDICT_ERROR };

	printf("# Totals:");
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		printf(" %s:%u", verdict_total_name(order[i]),
		       t->n[order[i]] + (order[i] == VERDICT_ERROR ? t->n[VERDICT_TIMEOUT] : 0));
	printf("\n");
	fflush(stdout);
}
