/* The probe's command line (docs: INTERFACE, README "One probe"):
 *   PROBE [--family LIST] [--json FILE] [--timeout S] [--strict] [--cpu N]
 *         [--meta] [--lost REASON] [--help]
 * Bad input is one line on stderr and exit 64. */
#ifndef UDPC_CMDLINE_H
#define UDPC_CMDLINE_H

#include "udpc.h"

/* How long one family of one rule may take before it counts as hung. */
#define CMDLINE_BOUND_S 10

struct cmdline {
	unsigned families; /* FAM_* selected */
	const char *json;  /* append records here; NULL: none */
	int bound_s;
	bool strict; /* XFAIL and XPASS fail the probe */
	int cpu;     /* -1: the CPU the probe runs on */
	bool meta;
	const char *lost; /* run nothing: ERROR with this reason */
};

/* Parses argv; --help prints the usage and exits 0, bad input exits 64. */
void cmdline_parse(int argc, char **argv, const struct rule *r, struct cmdline *cl);

#endif
