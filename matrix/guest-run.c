// SPDX-License-Identifier: GPL-2.0-only
/*
 * guest-run: the suite in a `make matrix` guest, as PID 1 after guest-init.
 *
 * Runs every rule named in /udpconform/rules, one after the other, through
 * the multi-call probe program, and streams everything the host needs on
 * the console as it happens, so that a guest that dies keeps what it has
 * already reported:
 *   KTAP version 1 / 1..N          the suite as nested KTAP (kselftest's
 *   # Subtest: <rule id>           words): each probe's own KTAP indented
 *       <the probe's stdout>       four spaces, then ok/not ok <rule id>
 *   ok K <rule id>
 *   udpconform-record <json>       each record the probe wrote (results.jsonl)
 *   udpconform-record+ <rest>      the same, when everything before its
 *                                  ,"family": is the previous record's (the
 *                                  rule's metadata): the host puts the two
 *                                  together, byte for byte, and the serial
 *                                  line, a byte per emulated I/O write,
 *                                  carries a third less
 *   udpconform-file <path> <b64>   a whole file of the results folder (the
 *                                  run's facts, make bench's figures)
 *   udpconform-matrix end          the run is complete
 * No shell, no jq: a process start under emulation costs some 50 ms, and
 * the probes need nothing but themselves.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROBES "/udpconform/udpc-probes"
#define RULES_FILE "/udpconform/rules"
#define SETTINGS_FILE "/udpconform/settings"
#define BENCH_DIR "/udpconform/bench"
#define RESULTS "/results"
#define RECORDS RESULTS "/results.jsonl"
#define RULE_RECORDS "/tmp/rule.jsonl"
#define GUEST_INIT "/init"

enum { LINE_MAX_BYTES = 16384, MAX_RULES = 1024 };

struct settings {
	char families[256];  /* FAMILIES of make matrix, "" for all */
	char emulation[256]; /* qemu-tcg, qemu-kvm */
	int bench;           /* 1: make bench's programs too, quick */
	int bound_s;         /* how long one probe may run in all */
};

/* Bytes read from a pipe, handed on line by line. */
struct lines {
	int fd;
	size_t len;
	char buf[LINE_MAX_BYTES];
};

static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("udpconform-guest: ", stdout);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	fflush(stdout);
	va_end(ap);
}

static double clock_s(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void settings_read(struct settings *s)
{
	char line[256];
	FILE *f = fopen(SETTINGS_FILE, "re");

	*s = (struct settings){ .bound_s = 60 };
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "FAMILIES=", 9) == 0)
			snprintf(s->families, sizeof(s->families), "%s", line + 9);
		else if (strncmp(line, "EMULATION=", 10) == 0)
			snprintf(s->emulation, sizeof(s->emulation), "%s", line + 10);
		else if (strncmp(line, "BENCH=", 6) == 0)
			s->bench = (int)strtol(line + 6, NULL, 10);
		else if (strncmp(line, "BOUND_S=", 8) == 0)
			s->bound_s = (int)strtol(line + 8, NULL, 10);
	}
	fclose(f);
}

/* rules_read IDS: the rule ids, in the order the suite runs them. */
static int rules_read(char *ids[MAX_RULES])
{
	char line[256];
	int n = 0;
	FILE *f = fopen(RULES_FILE, "re");

	if (!f)
		return 0;
	while (n < MAX_RULES && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0])
			ids[n++] = strdup(line);
	}
	fclose(f);
	return n;
}

/* spawn ARGV OUT ERR: the program in a process group of its own (so that a
 * kill reaches its family children too), stdout and stderr on pipes. */
static pid_t spawn(char *const argv[], int *out, int *err)
{
	int o[2], e[2];
	pid_t pid;

	if (pipe2(o, O_CLOEXEC) < 0 || pipe2(e, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		if (dup2(o[1], STDOUT_FILENO) < 0 || dup2(e[1], STDERR_FILENO) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	close(o[1]);
	close(e[1]);
	*out = o[0];
	*err = e[0];
	return pid;
}

/* lines_read L EMIT ARG: reads what is there, EMIT(ARG, line) for each
 * whole line (and the rest at end of file).  Returns 0 at end of file. */
static int lines_read(struct lines *l, void (*emit)(void *, const char *), void *arg)
{
	ssize_t n = read(l->fd, l->buf + l->len, sizeof(l->buf) - 1 - l->len);
	char *start = l->buf, *nl;

	if (n < 0 && errno == EINTR)
		return 1;
	if (n > 0)
		l->len += (size_t)n;
	l->buf[l->len] = '\0';
	while ((nl = memchr(start, '\n', l->len - (size_t)(start - l->buf)))) {
		*nl = '\0';
		emit(arg, start);
		start = nl + 1;
	}
	l->len -= (size_t)(start - l->buf);
	memmove(l->buf, start, l->len);
	if (n <= 0 || l->len == sizeof(l->buf) - 1) {
		if (l->len) {
			l->buf[l->len] = '\0';
			emit(arg, l->buf);
			l->len = 0;
		}
	}
	return n > 0;
}

/* Whether run() also shows a program's stdout on the console: a probe's
 * KTAP is, nested; a benchmark's JSON only goes to its file. */
static int stdout_shown = 1;

/* The probe's KTAP: nested on the console, as is into ktap/<id>.ktap. */
static void ktap_line(void *arg, const char *line)
{
	fprintf(arg, "%s\n", line);
	if (stdout_shown)
		printf("    %s\n", line);
}

static void stderr_line(void *arg, const char *line)
{
	printf("# %s: %s\n", (const char *)arg, line);
}

/* run ARGV KTAP ID BOUND_S: runs one program to its end or its bound;
 * returns its wait status, or -1 if it was killed at the bound. */
static int run(char *const argv[], FILE *ktap, const char *id, int bound_s)
{
	struct lines out = { 0 }, err = { 0 };
	double deadline = clock_s(CLOCK_MONOTONIC) + bound_s;
	int status, killed = 0;
	pid_t pid = spawn(argv, &out.fd, &err.fd);

	if (pid < 0)
		return 127 << 8;
	while (out.fd >= 0 || err.fd >= 0) {
		struct pollfd fds[2] = { { out.fd, POLLIN, 0 }, { err.fd, POLLIN, 0 } };
		int left_ms = (int)((deadline - clock_s(CLOCK_MONOTONIC)) * 1000);

		if (left_ms <= 0 && !killed) {
			kill(-pid, SIGKILL);
			killed = 1;
		}
		if (poll(fds, 2, killed ? 1000 : left_ms) <= 0)
			continue;
		if (fds[0].revents && !lines_read(&out, ktap_line, ktap)) {
			close(out.fd);
			out.fd = -1;
		}
		if (fds[1].revents && !lines_read(&err, stderr_line, (void *)id)) {
			close(err.fd);
			err.fd = -1;
		}
	}
	/* PID 1 also inherits the orphans; reap them on the way. */
	while (waitpid(-1, &status, 0) != pid)
		;
	return killed ? -1 : status;
}

/* The part of a record before its family: the rule's metadata, the same
 * in each of its families' records. */
#define FAMILY_KEY ",\"family\":\""

/* record_send LINE: one record on the console, its metadata only if it is
 * not the previous record's. */
static void record_send(const char *line)
{
	static char *prev;
	static size_t prev_len;
	const char *cut = strstr(line, FAMILY_KEY);
	size_t len = cut ? (size_t)(cut - line) : 0;

	if (cut && prev && len == prev_len && memcmp(line, prev, len) == 0) {
		printf("udpconform-record+ %s", cut);
		return;
	}
	printf("udpconform-record %s", line);
	free(prev);
	prev = cut ? strndup(line, len) : NULL;
	prev_len = prev ? len : 0;
}

/* records_forward: the records of the rule that just ran, into
 * results.jsonl and onto the console. */
static void records_forward(void)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *in = fopen(RULE_RECORDS, "re"), *all = fopen(RECORDS, "ae");

	while (in && all && getline(&line, &cap, in) > 0) {
		fputs(line, all);
		record_send(line);
	}
	free(line);
	if (in)
		fclose(in);
	if (all)
		fclose(all);
	unlink(RULE_RECORDS);
}

/* rule_lost ID REASON: the probe died before reporting every family; the
 * probe itself writes the ERROR records (--lost), C writes every record. */
static void rule_lost(const char *id, const char *reason, const struct settings *s)
{
	char *argv[] = { PROBES,
			 (char *)id,
			 "--lost",
			 (char *)reason,
			 "--json",
			 RULE_RECORDS,
			 s->families[0] ? "--family" : NULL,
			 (char *)s->families,
			 NULL };
	int status = run(argv, stdout, id, 10);

	if (status != 0)
		printf("# %s: the probe could not write its ERROR records (--lost: %d)\n", id, status);
}

static void rule_run(int k, const char *id, const struct settings *s)
{
	char path[512], reason[128];
	char *argv[] = { PROBES,
			 (char *)id,
			 "--json",
			 RULE_RECORDS,
			 s->families[0] ? "--family" : NULL,
			 (char *)s->families,
			 NULL };
	FILE *ktap;
	int status, code;

	snprintf(path, sizeof(path), RESULTS "/ktap/%s.ktap", id);
	ktap = fopen(path, "we");
	printf("# Subtest: %s\n", id);
	status = run(argv, ktap ? ktap : stdout, id, s->bound_s);
	if (ktap)
		fclose(ktap);
	code = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (code < 0 || code > 4) {
		if (status < 0)
			snprintf(reason, sizeof(reason), "killed at the bound of %d s", s->bound_s);
		else if (WIFSIGNALED(status))
			snprintf(reason, sizeof(reason),
				 "probe died (%s) before reporting every family",
				 sigabbrev_np(WTERMSIG(status)) ?: "signal");
		else
			snprintf(reason, sizeof(reason),
				 "probe died (exit %d) before reporting every family", code);
		records_forward();
		rule_lost(id, reason, s);
		printf("not ok %d %s # %s %s\n", k, id, status < 0 ? "TIMEOUT" : "ERROR", reason);
	} else if (code == 4) {
		printf("ok %d %s # SKIP\n", k, id);
	} else {
		printf("%sok %d %s\n", code == 1 || code == 2 ? "not " : "", k, id);
	}
	records_forward();
	fflush(stdout);
}

/* file_send PATH: a results file on one console line, base64. */
static void file_send(const char *rel)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char path[512];
	unsigned char in[3];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), RESULTS "/%s", rel);
	f = fopen(path, "re");
	if (!f)
		return;
	printf("udpconform-file %s ", rel);
	while ((n = fread(in, 1, 3, f)) > 0) {
		unsigned v = in[0] << 16 | (n > 1 ? in[1] << 8 : 0) | (n > 2 ? in[2] : 0);
		putchar(b64[v >> 18 & 63]);
		putchar(b64[v >> 12 & 63]);
		putchar(n > 1 ? b64[v >> 6 & 63] : '=');
		putchar(n > 2 ? b64[v & 63] : '=');
	}
	putchar('\n');
	fclose(f);
	fflush(stdout);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

/* The sysctls a rule's verdict may depend on, as this namespace sees them. */
static const char *const SYSCTLS[] = {
	"net.ipv4.ip_local_port_range",      "net.ipv4.icmp_ratelimit", "net.ipv4.icmp_msgs_per_sec",
	"net.ipv4.icmp_msgs_burst",          "net.ipv6.icmp.ratelimit", "net.ipv6.bindv6only",
	"net.core.devconf_inherit_init_net",
};

static void sysctls_write(FILE *f)
{
	const char *sep = "";

	fputc('{', f);
	for (size_t i = 0; i < sizeof(SYSCTLS) / sizeof(SYSCTLS[0]); i++) {
		char path[128], value[128] = "";
		FILE *in;

		snprintf(path, sizeof(path), "/proc/sys/%s", SYSCTLS[i]);
		for (char *c = path + 10; *c; c++)
			if (*c == '.')
				*c = '/';
		in = fopen(path, "re");
		if (!in)
			continue;
		if (fgets(value, sizeof(value), in))
			value[strcspn(value, "\n")] = '\0';
		fclose(in);
		for (char *c = value; *c; c++)
			if (*c == '\t')
				*c = ' ';
		fprintf(f, "%s", sep);
		json_string(f, SYSCTLS[i]);
		fputc(':', f);
		json_string(f, value);
		sep = ",";
	}
	fputc('}', f);
}

/* sysctls_netns_write: the same, seen from a new network namespace: a key
 * missing there is not per-namespace on this kernel (5.10's ICMP rate limits). */
static void sysctls_netns_write(FILE *f)
{
	pid_t pid;
	int status;

	fflush(f);
	pid = fork();
	if (pid == 0) {
		if (unshare(CLONE_NEWNET) < 0)
			_exit(1);
		sysctls_write(f);
		fflush(f);
		_exit(0);
	}
	while (waitpid(-1, &status, 0) != pid)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fputs("null", f);
}

/* idle_s: how long the CPU has idled since boot (/proc/stat: idle and
 * iowait, in USER_HZ), what `make matrix` may overlap with other guests. */
static double idle_s(void)
{
	char line[256] = "";
	unsigned long long field[5] = { 0 };
	FILE *f = fopen("/proc/stat", "re");
	char *at = line + 3; /* past "cpu" */

	if (f) {
		if (!fgets(line, sizeof(line), f) || strncmp(line, "cpu ", 4) != 0)
			line[0] = '\0';
		fclose(f);
	}
	for (int i = 0; line[0] && i < 5; i++)
		field[i] = strtoull(at, &at, 10); /* user nice system idle iowait */
	return (double)(field[3] + field[4]) / (double)sysconf(_SC_CLK_TCK);
}

static double uptime_s(void)
{
	char line[64] = "";
	FILE *f = fopen("/proc/uptime", "re");

	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		fclose(f);
	}
	return strtod(line, NULL);
}

/* facts_write: what run.json needs from inside the guest. */
static void facts_write(const struct settings *s, int rules, double boot_s, double suite_s,
			double suite_idle_s)
{
	struct utsname u;
	FILE *f = fopen(RESULTS "/facts.json", "we");

	if (!f)
		return;
	uname(&u);
	fputs("{\"release\":", f);
	json_string(f, u.release);
	fputs(",\"version\":", f);
	json_string(f, u.version);
	fputs(",\"arch\":", f);
	json_string(f, u.machine);
	fputs(",\"emulation\":", f);
	json_string(f, s->emulation);
	fputs(",\"families\":", f);
	json_string(f, s->families);
	fprintf(f, ",\"rules\":%d,\"boot_s\":%.3f,\"suite_s\":%.3f,\"suite_idle_s\":%.3f,\"sysctls\":",
		rules, boot_s, suite_s, suite_idle_s);
	sysctls_write(f);
	fputs(",\"sysctls_new_netns\":", f);
	sysctls_netns_write(f);
	fputs("}\n", f);
	fclose(f);
	file_send("facts.json");
}

/* bench_run: make bench's programs, quick; their JSON as they print it. */
static void bench_run(void)
{
	/* The figures the matrix plots; setup's are the harness's own cost. */
	static const char *const PROGRAMS[] = { "send", "lookup" };

	mkdir(RESULTS "/bench", 0755);
	stdout_shown = 0;
	for (size_t i = 0; i < sizeof(PROGRAMS) / sizeof(PROGRAMS[0]); i++) {
		char prog[256], rel[64], path[256];
		char *argv[] = { prog, "--quick", NULL };
		FILE *out;
		int status;

		snprintf(prog, sizeof(prog), BENCH_DIR "/%s", PROGRAMS[i]);
		snprintf(rel, sizeof(rel), "bench/%s.json", PROGRAMS[i]);
		snprintf(path, sizeof(path), RESULTS "/%s", rel);
		if (access(prog, X_OK) != 0)
			continue;
		say("bench %s", PROGRAMS[i]);
		out = fopen(path, "we");
		status = run(argv, out ? out : stdout, PROGRAMS[i], 300);
		if (out)
			fclose(out);
		if (status != 0)
			say("bench %s: exit status %d", PROGRAMS[i], status);
		file_send(rel);
	}
}

/* The guest's end is guest-init's (`/init leave`: the console drained,
 * then QEMU's exit port); without it, the reset (-no-reboot: QEMU exits). */
static void guest_leave(void)
{
	fflush(stdout);
	execl(GUEST_INIT, GUEST_INIT, "leave", (char *)NULL);
	say("cannot run %s leave: %s", GUEST_INIT, strerrorname_np(errno));
	tcdrain(STDOUT_FILENO);
	reboot(RB_AUTOBOOT);
}

int main(void)
{
	static char *ids[MAX_RULES];
	struct settings s;
	double boot_s = uptime_s(), start = clock_s(CLOCK_MONOTONIC), idle = idle_s();
	int n;

	settings_read(&s);
	n = rules_read(ids);
	mkdir(RESULTS, 0755);
	mkdir(RESULTS "/ktap", 0755);
	signal(SIGPIPE, SIG_IGN);
	say("Linux up in %.2f s; running %d rules", boot_s, n);
	printf("KTAP version 1\n1..%d\n", n);
	for (int k = 1; k <= n; k++)
		rule_run(k, ids[k - 1], &s);
	facts_write(&s, n, boot_s, clock_s(CLOCK_MONOTONIC) - start, idle_s() - idle);
	if (s.bench)
		bench_run();
	printf("udpconform-matrix end\n");
	guest_leave();
	return 0;
}
