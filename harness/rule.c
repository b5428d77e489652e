/* main() of every probe: runs the rule once per family, each time in a
 * forked child that builds the topology from fresh namespaces, and turns what
 * the child reported into a verdict, KTAP on stdout and a JSON record.
 *
 * The parent never enters a namespace and never opens a socket: whatever
 * the child does, and however it dies, the caller's namespace is untouched,
 * and the namespaces die with the child.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef UDPC_VERSION
#define UDPC_VERSION "0"
#endif

/* How long one family of one rule may take before it counts as hung. */
#define RULE_BOUND_S 10

/* Exit statuses, read by cases/helper.bash. */
enum {
	EXIT_PASS = 0,
	EXIT_FAIL = 1,
	EXIT_ERROR = 2,
	EXIT_KNOWN = 3, /* every FAIL is a documented divergence */
	EXIT_ALL_SKIP = 4,
	EXIT_USAGE = 64,
};

static const enum family families[] = { FAM_IPV4, FAM_IPV6, FAM_MAPPED };
#define NFAMILIES 3

/* ---- a growing string --------------------------------------------------------- */

struct str {
	char *s;
	size_t len, cap;
};

static void str_add(struct str *b, const char *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s) {
			fprintf(stderr, "%s: out of memory\n", rule.id);
			exit(EXIT_ERROR);
		}
	}
	memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = '\0';
}

__attribute__((format(printf, 2, 3))) static void str_printf(struct str *b, const char *fmt, ...)
{
	char tmp[8192];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	str_add(b, tmp, n < (int)sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static void str_json(struct str *b, const char *s)
{
	str_add(b, "\"", 1);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			str_printf(b, "\\%c", c);
		else if (c < 0x20)
			str_printf(b, "\\u%04x", c);
		else
			str_add(b, (const char *)&c, 1);
	}
	str_add(b, "\"", 1);
}

/* ---- one family's run, as the parent sees it ---------------------------------- */

struct records {
	char **line; /* "K text": kind, space, text */
	size_t n;
};

struct outcome_run {
	enum family fam;
	const char *verdict;
	bool known; /* a FAIL the rule documents as a known divergence */
	char reason[1024];
	struct records rec;
	double ms;
};

static void records_add(struct records *r, const char *line)
{
	r->line = realloc(r->line, (r->n + 1) * sizeof(*r->line));
	if (!r->line || !(r->line[r->n] = strdup(line))) {
		fprintf(stderr, "%s: out of memory\n", rule.id);
		exit(EXIT_ERROR);
	}
	r->n++;
}

static const char *records_last(const struct records *r, char kind)
{
	for (size_t i = r->n; i-- > 0;)
		if (r->line[i][0] == kind)
			return r->line[i] + 2;
	return NULL;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void child_run(enum family fam, int chan, pid_t parent)
{
	struct probe p = { .fam = fam, .rule = &rule, .chan = chan, .switch_ns = -1 };

	/* The namespaces must not outlive the parent either. */
	if (!child_bind(parent))
		_exit(EXIT_ERROR);
	child_pin(&p);
	topo_build(&p);
	topo_wait_links(&p);
	rule.run(&p);
	if (p.checks == 0)
		probe_error(&p, "the rule checked nothing: a rule that cannot fail is a defect");
	chan_send(&p, 'D', "done");
	_exit(0);
}

/* Reads the child's records until it closes the channel or the bound runs out. */
static bool collect(int fd, struct records *rec, double deadline)
{
	char buf[65536];
	size_t used = 0;

	for (;;) {
		int left = (int)(deadline - now_ms());
		if (left <= 0)
			return false;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int r = poll(&pfd, 1, left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf + used, sizeof(buf) - used - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return true;
		used += (size_t)n;
		buf[used] = '\0';
		char *start = buf, *nl;
		while ((nl = strchr(start, '\n'))) {
			*nl = '\0';
			if (nl - start >= 2)
				records_add(rec, start);
			start = nl + 1;
		}
		used -= (size_t)(start - buf);
		memmove(buf, start, used);
		if (used == sizeof(buf) - 1)
			used = 0; /* a record longer than the buffer: drop it */
	}
}

static void verdict_of(struct outcome_run *o, bool finished, int status, int bound_s)
{
	const char *last = records_last(&o->rec, 'B');
	bool failed = false;
	const char *err = records_last(&o->rec, 'E'), *skip = records_last(&o->rec, 'S');

	for (size_t i = 0; i < o->rec.n; i++)
		if (o->rec.line[i][0] == 'C' && o->rec.line[i][2] == '0')
			failed = true;
	o->verdict = "ERROR";
	if (!finished)
		snprintf(o->reason, sizeof(o->reason),
			 "hung: no verdict within %d s, killed; last call: %s", bound_s,
			 last ? last : "(none)");
	else if (err)
		snprintf(o->reason, sizeof(o->reason), "%s", err);
	else if (failed)
		o->verdict = "FAIL";
	else if (skip) {
		o->verdict = "SKIP";
		snprintf(o->reason, sizeof(o->reason), "%s", skip);
	} else if (!records_last(&o->rec, 'D')) {
		if (WIFSIGNALED(status))
			snprintf(o->reason, sizeof(o->reason),
				 "probe crashed: killed by %s; last call: %s",
				 sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status))
								: "signal",
				 last ? last : "(none)");
		else
			snprintf(o->reason, sizeof(o->reason),
				 "probe ended without a verdict (exit %d); last call: %s",
				 WEXITSTATUS(status), last ? last : "(none)");
	} else
		o->verdict = "PASS";
	o->known = strcmp(o->verdict, "FAIL") == 0 && (rule.known.families & o->fam);
	if (o->known)
		snprintf(o->reason, sizeof(o->reason), "known divergence (%s): %s", rule.known.kernels,
			 rule.known.cause);
}

static void family_run(struct outcome_run *o, int bound_s)
{
	int chan[2];
	double start = now_ms();

	if (pipe2(chan, O_CLOEXEC) != 0) {
		o->verdict = "ERROR";
		snprintf(o->reason, sizeof(o->reason), "pipe: %s", strerror(errno));
		return;
	}
	fflush(stdout);
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		close(chan[0]);
		child_run(o->fam, chan[1], parent);
	}
	close(chan[1]);
	if (pid < 0) {
		close(chan[0]);
		o->verdict = "ERROR";
		snprintf(o->reason, sizeof(o->reason), "fork: %s", strerror(errno));
		return;
	}
	bool finished = collect(chan[0], &o->rec, start + bound_s * 1000.0);
	if (!finished)
		kill(pid, SIGKILL);
	close(chan[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	o->ms = now_ms() - start;
	verdict_of(o, finished, status, bound_s);
}

/* ---- output --------------------------------------------------------------------- */

static const char *topic_of(const char *id, char *buf, size_t n)
{
	const char *dot = strchr(id, '.'), *end = dot ? strchr(dot + 1, '.') : NULL;

	snprintf(buf, n, "%.*s", end ? (int)(end - dot - 1) : 0, dot ? dot + 1 : "");
	return buf;
}

static void ktap_print(const struct outcome_run *o, int number)
{
	for (size_t i = 0; i < o->rec.n; i++) {
		const char *l = o->rec.line[i];
		if (l[0] == 'T')
			printf("# %s\n", l + 2);
		else if (l[0] == 'N')
			printf("# note: %s\n", l + 2);
		else if (l[0] == 'C' && l[2] == '0') {
			char copy[4096], *save;
			snprintf(copy, sizeof(copy), "%s", l + 4);
			char *what = strtok_r(copy, "\t", &save), *want = strtok_r(NULL, "\t", &save);
			char *got = strtok_r(NULL, "\t", &save);
			printf("# FAIL %s: expected %s, observed %s\n", what ? what : "",
			       want ? want : "", got ? got : "");
		}
	}
	bool ok = strcmp(o->verdict, "PASS") == 0 || strcmp(o->verdict, "SKIP") == 0;
	printf("%sok %d %s.%s", ok ? "" : "not ", number, rule.id, family_name(o->fam));
	if (strcmp(o->verdict, "SKIP") == 0 || strcmp(o->verdict, "ERROR") == 0 || o->known)
		printf(" # %s %s", o->known ? "KNOWN" : o->verdict, o->reason);
	printf("\n");
	fflush(stdout);
}

static void json_meta(struct str *b)
{
	char topic[64];

	str_printf(b, "\"id\":");
	str_json(b, rule.id);
	str_printf(b, ",\"topic\":");
	str_json(b, topic_of(rule.id, topic, sizeof(topic)));
	str_printf(b, ",\"sentence\":");
	str_json(b, rule.sentence);
	str_printf(b, ",\"why\":");
	str_json(b, rule.why);
	str_printf(b, ",\"topology\":");
	str_json(b, topo_name(rule.topology));
	str_printf(b, ",\"families\":[");
	for (int i = 0, first = 1; i < NFAMILIES; i++) {
		if (!(rule.families & families[i]))
			continue;
		str_printf(b, "%s", first ? "" : ",");
		str_json(b, family_name(families[i]));
		first = 0;
	}
	str_printf(b, "],\"outcomes\":[");
	for (int i = 0; i < RULE_MAX_OUTCOMES && rule.outcomes[i].source; i++) {
		str_printf(b, "%s{\"source\":", i ? "," : "");
		str_json(b, rule.outcomes[i].source);
		str_printf(b, ",\"cite\":");
		str_json(b, rule.outcomes[i].cite);
		str_printf(b, ",\"expects\":");
		str_json(b, rule.outcomes[i].expects);
		str_printf(b, "}");
	}
	str_printf(b, "],\"tags\":[");
	for (int i = 0; i < RULE_MAX_TAGS && rule.tags[i].kind; i++) {
		str_printf(b, "%s{\"kind\":", i ? "," : "");
		str_json(b, rule.tags[i].kind);
		str_printf(b, ",\"value\":");
		str_json(b, rule.tags[i].value);
		str_printf(b, ",\"subject\":");
		str_json(b, rule.tags[i].subject);
		str_printf(b, ",\"version\":");
		str_json(b, rule.tags[i].version);
		str_printf(b, "}");
	}
	str_printf(b, "]");
}

static void json_lines(struct str *b, const struct records *r, char kind, const char *key)
{
	str_printf(b, ",\"%s\":[", key);
	for (size_t i = 0, first = 1; i < r->n; i++) {
		if (r->line[i][0] != kind)
			continue;
		str_printf(b, "%s", first ? "" : ",");
		str_json(b, r->line[i] + 2);
		first = 0;
	}
	str_printf(b, "]");
}

static void json_checks(struct str *b, const struct records *r)
{
	str_printf(b, ",\"checks\":[");
	for (size_t i = 0, first = 1; i < r->n; i++) {
		if (r->line[i][0] != 'C')
			continue;
		char copy[4096], *save;
		snprintf(copy, sizeof(copy), "%s", r->line[i] + 4);
		char *what = strtok_r(copy, "\t", &save), *want = strtok_r(NULL, "\t", &save);
		char *got = strtok_r(NULL, "\t", &save);
		str_printf(b, "%s{\"ok\":%s,\"call\":", first ? "" : ",",
			   r->line[i][2] == '1' ? "true" : "false");
		str_json(b, what);
		str_printf(b, ",\"expected\":");
		str_json(b, want);
		str_printf(b, ",\"observed\":");
		str_json(b, got);
		str_printf(b, "}");
		first = 0;
	}
	str_printf(b, "]");
}

static int json_write(const char *path, const struct outcome_run *o)
{
	struct str b = { 0 };
	struct utsname u;

	uname(&u);
	str_printf(&b, "{\"schema\":1,\"tool\":");
	str_json(&b, UDPC_VERSION);
	str_printf(&b, ",");
	json_meta(&b);
	str_printf(&b, ",\"family\":");
	str_json(&b, family_name(o->fam));
	str_printf(&b, ",\"verdict\":");
	str_json(&b, o->verdict);
	str_printf(&b, ",\"known\":%s,\"reason\":", o->known ? "true" : "false");
	str_json(&b, o->reason);
	json_checks(&b, &o->rec);
	json_lines(&b, &o->rec, 'T', "transcript");
	json_lines(&b, &o->rec, 'N', "notes");
	str_printf(&b, ",\"kernel\":");
	str_json(&b, u.release);
	str_printf(&b, ",\"duration_ms\":%.3f}\n", o->ms);

	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	ssize_t n = fd < 0 ? -1 : write(fd, b.s, b.len);
	int err = errno;
	if (fd >= 0)
		close(fd);
	free(b.s);
	if (n != (ssize_t)b.len) {
		fprintf(stderr, "%s: cannot write results to %s: %s\n", rule.id, path, strerror(err));
		return -1;
	}
	return 0;
}

/* ---- main ------------------------------------------------------------------------ */

/* The probe dies with whatever started it.  `timeout` (cases/probe.bash)
 * puts itself and the probe in a process group of their own, so killing the
 * suite's group would otherwise leave the probe running, and writing records,
 * after the suite is gone.  Its family children follow it (child_run()). */
static void launcher_bind(void)
{
	if (!child_bind(getppid()))
		_exit(EXIT_ERROR);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [--family ipv4,ipv6,mapped] [--json FILE] [--timeout SECONDS] [--meta]\n"
		"Checks: %s\n",
		rule.id, rule.sentence);
}

static __attribute__((noreturn)) void bad_usage(const char *what)
{
	fprintf(stderr, "%s: %s (see --help)\n", rule.id, what);
	exit(EXIT_USAGE);
}

static unsigned parse_families(const char *list)
{
	unsigned set = 0;
	char copy[256], *save;

	snprintf(copy, sizeof(copy), "%s", list);
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int i;
		for (i = 0; i < NFAMILIES && strcmp(t, family_name(families[i])) != 0; i++)
			;
		if (i == NFAMILIES) {
			char msg[300];
			snprintf(msg, sizeof(msg), "unknown family '%s': use ipv4, ipv6 or mapped", t);
			bad_usage(msg);
		}
		set |= families[i];
	}
	return set;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "family", required_argument, NULL, 'f' },  { "json", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 't' }, { "meta", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },          { 0 },
	};
	unsigned selected = FAM_ALL;
	const char *json = NULL;
	int bound_s = RULE_BOUND_S, c;

	while ((c = getopt_long(argc, argv, "f:j:t:mh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			selected = parse_families(optarg);
			break;
		case 'j':
			json = optarg;
			break;
		case 't': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 3600)
				bad_usage("--timeout takes whole seconds from 1 to 3600");
			bound_s = (int)v;
			break;
		}
		case 'm': {
			struct str b = { 0 };
			str_printf(&b, "{");
			json_meta(&b);
			str_printf(&b, "}\n");
			fputs(b.s, stdout);
			free(b.s);
			return 0;
		}
		case 'h':
			usage(stdout);
			return 0;
		default:
			bad_usage("unknown option");
		}
	}
	if (optind != argc)
		bad_usage("unexpected argument");
	launcher_bind();

	int n = 0, passed = 0, failed = 0, known = 0, errors = 0, number = 0;
	for (int i = 0; i < NFAMILIES; i++)
		n += (selected & families[i]) != 0;
	printf("KTAP version 1\n# %s: %s\n1..%d\n", rule.id, rule.sentence, n);
	for (int i = 0; i < NFAMILIES; i++) {
		if (!(selected & families[i]))
			continue;
		struct outcome_run o = { .fam = families[i] };
		if (rule.families & families[i]) {
			family_run(&o, bound_s);
		} else {
			o.verdict = "SKIP";
			snprintf(o.reason, sizeof(o.reason), "does not apply: %s",
				 rule.skip_why ? rule.skip_why : "(no reason given)");
		}
		ktap_print(&o, ++number);
		if (json && json_write(json, &o) != 0)
			errors++;
		passed += strcmp(o.verdict, "PASS") == 0;
		failed += strcmp(o.verdict, "FAIL") == 0 && !o.known;
		known += o.known;
		errors += strcmp(o.verdict, "ERROR") == 0;
		for (size_t k = 0; k < o.rec.n; k++)
			free(o.rec.line[k]);
		free(o.rec.line);
	}
	if (errors)
		return EXIT_ERROR;
	if (failed)
		return EXIT_FAIL;
	if (known)
		return EXIT_KNOWN;
	return passed ? EXIT_PASS : EXIT_ALL_SKIP;
}
