// SPDX-License-Identifier: GPL-2.0-only
/* The verdict of one family (result.h). */
#define _GNU_SOURCE
#include "result.h"
#include "kver.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

static const char *or_none(const char *s)
{
	return s ? s : "(none)";
}

/* A child that ended without its 'D': how it ended. */
static void ended_early(struct result *res, const char *last)
{
	int st = res->run.status;

	if (WIFSIGNALED(st))
		snprintf(res->reason, sizeof(res->reason), "probe crashed: killed by %s; last call: %s",
			 sigabbrev_np(WTERMSIG(st)) ? sigabbrev_np(WTERMSIG(st)) : "signal",
			 or_none(last));
	else
		snprintf(res->reason, sizeof(res->reason),
			 "probe ended without a verdict (exit %d); last call: %s", WEXITSTATUS(st),
			 or_none(last));
}

bool result_known_on(const struct divergence *d, enum family fam, long running)
{
	if (!(d->families & fam))
		return false;
	if (d->since && running >= 0 && running < kver_parse(d->since))
		return false;
	if (d->fixed && running >= kver_parse(d->fixed))
		return false;
	return !(d->stable && kver_in_stable(d->stable, running));
}

bool result_known(const struct rule *r, enum family fam)
{
	return result_known_on(&r->known, fam, kver_running());
}

/* FAIL and PASS of a family the rule declares a known divergence for. */
static void known_mark(struct result *res, const struct rule *r)
{
	if (!result_known(r, res->fam))
		return;
	if (res->verdict == VERDICT_FAIL) {
		res->verdict = VERDICT_XFAIL;
		snprintf(res->reason, sizeof(res->reason), "known divergence (%s): %s",
			 r->known.kernels, r->known.cause);
	} else if (res->verdict == VERDICT_PASS) {
		res->verdict = VERDICT_XPASS;
		snprintf(res->reason, sizeof(res->reason),
			 "known divergence did not occur: the kernel now does what the rule says "
			 "(declared: %s: %s)",
			 r->known.kernels, r->known.cause);
	}
}

void result_judge(struct result *res, const struct rule *r, int bound_s)
{
	const struct records *rec = &res->run.rec;
	const char *last = records_last(rec, 'B');
	const char *err = records_last(rec, 'E'), *skip = records_last(rec, 'S');

	res->verdict = VERDICT_ERROR;
	res->reason[0] = '\0';
	if (res->run.failure[0])
		snprintf(res->reason, sizeof(res->reason), "%s", res->run.failure);
	else if (!res->run.finished) {
		res->verdict = VERDICT_TIMEOUT;
		snprintf(res->reason, sizeof(res->reason), "%d s; last call: %s", bound_s,
			 or_none(last));
	} else if (err)
		snprintf(res->reason, sizeof(res->reason), "%s", err);
	else if (records_failed(rec))
		res->verdict = VERDICT_FAIL;
	else if (skip) {
		res->verdict = VERDICT_SKIP;
		snprintf(res->reason, sizeof(res->reason), "%s", skip);
	} else if (!records_last(rec, 'D'))
		ended_early(res, last);
	else
		res->verdict = VERDICT_PASS;
	known_mark(res, r);
}

void result_not_applicable(struct result *res, const struct rule *r)
{
	res->verdict = VERDICT_SKIP;
	snprintf(res->reason, sizeof(res->reason), "does not apply: %s",
		 r->skip_why ? r->skip_why : "(no reason given)");
}

void result_lost(struct result *res, const char *reason)
{
	res->verdict = VERDICT_ERROR;
	snprintf(res->reason, sizeof(res->reason), "%s", reason);
}

void result_free(struct result *res)
{
	records_free(&res->run.rec);
}
