/* main() of every probe: runs the rule once per selected family (run.c),
 * judges each (result.c) and reports it as KTAP on stdout (ktap.c) and as
 * a JSON record (record.c).  Exit status as kselftest.h has it: 0 pass
 * (XFAIL and XPASS too, unless --strict), 1 fail, 4 every family skipped,
 * 64 bad usage (cmdline.c). */
#include "cmdline.h"
#include "internal.h"
#include "ktap.h"
#include "record.h"

#include <unistd.h>

enum { EXIT_PASS = 0, EXIT_FAIL = 1, EXIT_ALL_SKIP = 4 };

/* What the child runs: the rule, which must have checked something. */
static void rule_body(struct probe *p, void *arg)
{
	(void)arg;
	rule.run(p);
	if (p->checks == 0)
		probe_error(p, "the rule checked nothing: a rule that cannot fail is a defect");
}

static void family_result(const struct cmdline *cl, enum family fam, struct result *res)
{
	*res = (struct result){ .fam = fam };
	if (cl->lost) {
		result_lost(res, cl->lost);
	} else if (!(rule.families & fam)) {
		result_not_applicable(res, &rule);
	} else {
		run_family(&rule, fam, cl->cpu, cl->bound_s, rule_body, NULL, &res->run);
		result_judge(res, &rule, cl->bound_s);
	}
}

/* The probe dies with whatever started it.  `timeout` (cases/probe.bash)
 * puts itself and the probe in a process group of their own, so killing the
 * suite's group would otherwise leave the probe running, and writing records,
 * after the suite is gone.  Its family children follow it (run.c). */
static void launcher_bind(void)
{
	if (!child_bind(getppid()))
		_exit(EXIT_FAIL);
}

int main(int argc, char **argv)
{
	static const enum family families[] = { FAM_IPV4, FAM_IPV6, FAM_MAPPED };
	struct cmdline cl;
	struct ktap_totals totals = { 0 };
	bool fails = false;
	int n = 0, number = 0;

	cmdline_parse(argc, argv, &rule, &cl);
	if (cl.meta) {
		record_meta_print(&rule);
		return EXIT_PASS;
	}
	launcher_bind();
	for (int i = 0; i < 3; i++)
		n += (cl.families & families[i]) != 0;
	ktap_plan(&rule, n);
	for (int i = 0; i < 3; i++) {
		struct result res;
		if (!(cl.families & families[i]))
			continue;
		family_result(&cl, families[i], &res);
		ktap_result(&res, ++number, &totals);
		if (cl.json && record_append(cl.json, &rule, &res, cl.strict) != 0)
			fails = true;
		fails |= verdict_fails_run(res.verdict, cl.strict);
		result_free(&res);
	}
	ktap_totals(&totals);
	if (fails)
		return EXIT_FAIL;
	return totals.n[VERDICT_SKIP] == (unsigned)number ? EXIT_ALL_SKIP : EXIT_PASS;
}
