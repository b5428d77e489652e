// SPDX-License-Identifier: GPL-2.0-only
/* JSON records and metadata (record.h). */
#include "record.h"
#include "internal.h"
#include "json.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef UDPC_VERSION
#define UDPC_VERSION "0"
#endif

static const enum family families[] = { FAM_IPV4, FAM_IPV6, FAM_MAPPED };

static void families_json(struct str *b, bool first_member, const char *key, unsigned set)
{
	str_printf(b, "%s\"%s\":[", first_member ? "" : ",", key);
	for (size_t i = 0, first = 1; i < sizeof(families) / sizeof(families[0]); i++) {
		if (!(set & families[i]))
			continue;
		str_printf(b, "%s", first ? "" : ",");
		json_string(b, family_name(families[i]));
		first = 0;
	}
	str_printf(b, "]");
}

/* A string member of a struct the record lists: its JSON key and where it is. */
struct record_field {
	const char *key;
	size_t offset;
};

static const char *record_field_of(const void *item, const struct record_field *f)
{
	return *(const char *const *)((const char *)item + f->offset);
}

/* ,"key":[{"k1":"v1",...},...]: the items of an array of at most max
 * structs, each stride bytes, up to the first whose first field is NULL. */
static void objects_json(struct str *b, const char *key, const void *items, size_t stride, size_t max,
			 const struct record_field *fields, size_t nfields)
{
	str_printf(b, ",\"%s\":[", key);
	for (size_t i = 0; i < max; i++) {
		const void *item = (const char *)items + i * stride;
		if (!record_field_of(item, &fields[0]))
			break;
		str_printf(b, "%s{", i ? "," : "");
		for (size_t k = 0; k < nfields; k++)
			json_member(b, k == 0, fields[k].key, record_field_of(item, &fields[k]));
		str_printf(b, "}");
	}
	str_printf(b, "]");
}

static void outcomes_json(struct str *b, const struct rule *r)
{
	static const struct record_field fields[] = {
		{ "source", offsetof(struct outcome, source) },
		{ "cite", offsetof(struct outcome, cite) },
		{ "expects", offsetof(struct outcome, expects) },
	};

	objects_json(b, "outcomes", r->outcomes, sizeof(r->outcomes[0]), RULE_MAX_OUTCOMES, fields, 3);
}

static void tags_json(struct str *b, const struct rule *r)
{
	static const struct record_field fields[] = {
		{ "kind", offsetof(struct tag, kind) },
		{ "value", offsetof(struct tag, value) },
		{ "subject", offsetof(struct tag, subject) },
		{ "version", offsetof(struct tag, version) },
	};

	objects_json(b, "tags", r->tags, sizeof(r->tags[0]), RULE_MAX_TAGS, fields, 4);
}

/* "udp.send.x" -> "send" */
static const char *topic_of(const char *id, char *buf, size_t n)
{
	const char *dot = strchr(id, '.'), *end = dot ? strchr(dot + 1, '.') : NULL;

	snprintf(buf, n, "%.*s", end ? (int)(end - dot - 1) : 0, dot ? dot + 1 : "");
	return buf;
}

/* id, topic, sentence, why, topology, families: what record and meta share. */
static void rule_json(struct str *b, const struct rule *r)
{
	char topic[64];

	json_member(b, true, "id", r->id);
	json_member(b, false, "topic", topic_of(r->id, topic, sizeof(topic)));
	json_member(b, false, "sentence", r->sentence);
	json_member(b, false, "why", r->why);
	json_member(b, false, "topology", topo_name(r->topology));
	families_json(b, false, "families", r->families);
}

/* The known divergence's kernels, cause and versions, and the object's end. */
static void known_members_json(struct str *b, bool first_member, const struct rule *r)
{
	json_member(b, first_member, "kernels", r->known.kernels);
	json_member(b, false, "cause", r->known.cause);
	if (r->known.since)
		json_member(b, false, "since", r->known.since);
	if (r->known.fixed)
		json_member(b, false, "fixed", r->known.fixed);
	if (r->known.stable)
		json_member(b, false, "stable", r->known.stable);
	str_printf(b, "}");
}

static void known_json(struct str *b, const struct rule *r)
{
	if (!r->known.families) {
		str_printf(b, ",\"known\":null");
		return;
	}
	str_printf(b, ",\"known\":{");
	families_json(b, true, "families", r->known.families);
	known_members_json(b, false, r);
}

void record_meta_print(const struct rule *r)
{
	struct str b = { 0 };

	str_printf(&b, "{");
	rule_json(&b, r);
	json_member(&b, false, "skip_why", r->skip_why);
	outcomes_json(&b, r);
	known_json(&b, r);
	tags_json(&b, r);
	str_printf(&b, "}\n");
	fputs(b.s, stdout);
	str_free(&b);
}

static void lines_json(struct str *b, const struct records *rec, char kind, const char *key)
{
	str_printf(b, ",\"%s\":[", key);
	for (size_t i = 0, first = 1; i < rec->n; i++) {
		if (rec->line[i][0] != kind)
			continue;
		str_printf(b, "%s", first ? "" : ",");
		json_string(b, rec->line[i] + 2);
		first = 0;
	}
	str_printf(b, "]");
}

static void checks_json(struct str *b, const struct records *rec)
{
	struct check c;

	str_printf(b, ",\"checks\":[");
	for (size_t i = 0, first = 1; i < rec->n; i++) {
		if (!records_check(rec->line[i], &c))
			continue;
		str_printf(b, "%s{\"ok\":%s", first ? "" : ",", c.ok ? "true" : "false");
		json_member(b, false, "call", c.what);
		json_member(b, false, "expected", c.expected);
		json_member(b, false, "observed", c.observed);
		str_printf(b, "}");
		first = 0;
	}
	str_printf(b, "]");
}

/* The divergence the rule declares for this record's family, if any: the
 * schema allows XFAIL and XPASS only where it is there. */
static void record_known_json(struct str *b, const struct rule *r, enum family fam)
{
	if (!result_known(r, fam))
		return;
	str_printf(b, ",\"known\":{");
	known_members_json(b, true, r);
}

static void record_json(struct str *b, const struct rule *r, const struct result *res, bool strict)
{
	struct utsname u;

	uname(&u);
	str_printf(b, "{\"schema\":%d", RECORD_SCHEMA);
	json_member(b, false, "tool", UDPC_VERSION);
	str_printf(b, ",");
	rule_json(b, r);
	if (r->skip_why)
		json_member(b, false, "skip_why", r->skip_why);
	outcomes_json(b, r);
	record_known_json(b, r, res->fam);
	tags_json(b, r);
	json_member(b, false, "family", family_name(res->fam));
	json_member(b, false, "verdict", verdict_name(res->verdict));
	str_printf(b, ",\"fails_run\":%s", verdict_fails_run(res->verdict, strict) ? "true" : "false");
	json_member(b, false, "reason", res->reason);
	checks_json(b, &res->run.rec);
	lines_json(b, &res->run.rec, 'T', "transcript");
	lines_json(b, &res->run.rec, 'N', "notes");
	json_member(b, false, "kernel", u.release);
	str_printf(b, ",\"duration_ms\":%.3f}\n", res->run.ms);
}

int record_append(const char *path, const struct rule *r, const struct result *res, bool strict)
{
	struct str b = { 0 };

	record_json(&b, r, res, strict);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	ssize_t n = fd < 0 ? -1 : write(fd, b.s, b.len);
	int err = errno;
	if (fd >= 0)
		close(fd);
	bool whole = n == (ssize_t)b.len;
	str_free(&b);
	if (!whole) {
		fprintf(stderr, "%s: cannot write results to %s: %s\n", r->id, path, strerror(err));
		return -1;
	}
	return 0;
}
