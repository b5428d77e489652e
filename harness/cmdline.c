/* The probe's command line (cmdline.h). */
#define _GNU_SOURCE
#include "cmdline.h"
#include "internal.h"

#include <getopt.h>
#include <stdarg.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE 64
/* ipv4,ipv6,mapped with room for spaces; anything longer is a mistake. */
#define FAMILY_LIST_MAX 64

static const char *rule_id;

static __attribute__((noreturn, format(printf, 1, 2))) void usage_bad(const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s (see --help)\n", rule_id, what);
	exit(EXIT_USAGE);
}

static void usage_print(const struct rule *r)
{
	printf("usage: %s [--family ipv4,ipv6,mapped] [--json FILE] [--timeout SECONDS] [--strict]\n"
	       "       [--cpu N] [--meta] [--lost REASON] [--help]\n"
	       "Checks: %s\n",
	       r->id, r->sentence);
}

static unsigned family_word(const char *word, size_t len)
{
	static const enum family all[] = { FAM_IPV4, FAM_IPV6, FAM_MAPPED };
	char name[FAMILY_LIST_MAX + 1];

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (strlen(family_name(all[i])) == len && strncmp(word, family_name(all[i]), len) == 0)
			return all[i];
	snprintf(name, sizeof(name), "%.*s", (int)len, word);
	usage_bad("unknown family '%s': use ipv4, ipv6 or mapped", name);
}

/* "ipv4,ipv6", "ipv4 ipv6", "ipv4, ipv6": names apart by spaces and at most
 * one comma; nothing empty, nothing before the first or after the last. */
static unsigned families_parse(const char *list)
{
	unsigned set = 0;
	const char *s = list;

	if (strlen(list) > FAMILY_LIST_MAX)
		usage_bad("--family list longer than %d characters: use ipv4, ipv6 or mapped",
			  FAMILY_LIST_MAX);
	while (*s) {
		size_t len = strcspn(s, ", ");
		if (len == 0)
			break;
		set |= family_word(s, len);
		s += len;
		size_t sep = strspn(s, ", ");
		if (sep == 0)
			return set;
		if (memchr(s, ',', sep) != memrchr(s, ',', sep) || s[sep] == '\0')
			break;
		s += sep;
	}
	usage_bad("--family '%s' names an empty family: use ipv4, ipv6 or mapped, comma-separated",
		  list);
}

/* A whole number from lo to hi, or false. */
static bool number_parse(const char *arg, long lo, long hi, int *v)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (!*arg || *end || n < lo || n > hi)
		return false;
	*v = (int)n;
	return true;
}

/* --cpu N pins the probe at once, so that a CPU it cannot have is bad input. */
static int cpu_parse(const char *arg)
{
	cpu_set_t one;
	int cpu;

	if (!number_parse(arg, 0, CPU_SETSIZE - 1, &cpu))
		usage_bad("--cpu '%s': a CPU number, 0 or more", arg);
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one) != 0)
		usage_bad("--cpu %s: this CPU is not online or not allowed here (see nproc)", arg);
	return cpu;
}

static void option_take(int c, const char *arg, struct cmdline *cl)
{
	switch (c) {
	case 'f':
		cl->families = families_parse(arg);
		break;
	case 'j':
		cl->json = arg;
		break;
	case 't':
		if (!number_parse(arg, 1, 3600, &cl->bound_s))
			usage_bad("--timeout '%s': whole seconds from 1 to 3600", arg);
		break;
	case 's':
		cl->strict = true;
		break;
	case 'c':
		cl->cpu = cpu_parse(arg);
		break;
	case 'm':
		cl->meta = true;
		break;
	case 'l':
		cl->lost = arg;
		break;
	default:
		usage_bad("unknown option or missing argument: %s", arg);
	}
}

void cmdline_parse(int argc, char **argv, const struct rule *r, struct cmdline *cl)
{
	static const struct option opts[] = {
		{ "family", required_argument, NULL, 'f' },
		{ "json", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 't' },
		{ "strict", no_argument, NULL, 's' },
		{ "cpu", required_argument, NULL, 'c' },
		{ "meta", no_argument, NULL, 'm' },
		{ "lost", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	int c;

	rule_id = r->id;
	*cl = (struct cmdline){ .families = FAM_ALL, .bound_s = CMDLINE_BOUND_S, .cpu = -1 };
	opterr = 0; /* one line, ours, not getopt's as well */
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'h') {
			usage_print(r);
			exit(0);
		}
		option_take(c, c == '?' || c == ':' ? argv[optind - 1] : optarg, cl);
	}
	if (optind != argc)
		usage_bad("unexpected argument '%s'", argv[optind]);
}
