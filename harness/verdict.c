/* Verdicts (verdict.h). */
#include "verdict.h"

static const struct {
	const char *name, *total;
	bool ok, fails, fails_strict;
} verdicts[VERDICT_COUNT] = {
	[VERDICT_PASS] = { "PASS", "pass", true, false, false },
	[VERDICT_FAIL] = { "FAIL", "fail", false, true, true },
	[VERDICT_XFAIL] = { "XFAIL", "xfail", true, false, true },
	[VERDICT_XPASS] = { "XPASS", "xpass", true, false, true },
	[VERDICT_SKIP] = { "SKIP", "skip", true, false, false },
	[VERDICT_ERROR] = { "ERROR", "error", false, true, true },
	[VERDICT_TIMEOUT] = { "TIMEOUT", "error", false, true, true },
};

const char *verdict_name(enum verdict v)
{
	return verdicts[v].name;
}

const char *verdict_total_name(enum verdict v)
{
	return verdicts[v].total;
}

bool verdict_ok(enum verdict v)
{
	return verdicts[v].ok;
}

bool verdict_fails_run(enum verdict v, bool strict)
{
	return strict ? verdicts[v].fails_strict : verdicts[v].fails;
}
