// SPDX-License-Identifier: GPL-2.0-only
/*
 * udpc-probes: every probe of the suite in one static program, busybox
 * style, for the initramfs of a `make matrix` guest (one copy of libc and
 * libnl instead of one per rule: some 1.3 MB instead of 80).
 *
 *   udpc-probes RULE_ID [PROBE OPTIONS]   runs the probe of RULE_ID
 *   udpc-probes --list                    prints every rule id it holds
 *
 * The probes are not rebuilt differently: mk/matrix.mk compiles each rule
 * file as it is, renames its `rule` to `rule__<topic>__<claim>` and the
 * harness's main() to udpc_probe_main() (objcopy --redefine-sym), and links
 * them with the table rules.c it generates.  This file defines the one
 * `rule` the harness reads, and copies the chosen rule's definition into
 * it before handing over: the probe then runs exactly as its own program.
 */
#include <stdio.h>
#include <string.h>

/* udpc.h declares `const struct rule rule`; the slot here is writable. */
#define rule rule_declared
#include "udpc.h"
#undef rule

/* The rule under the name the harness reads; then the table of every rule
 * (rules.c, generated). */
struct rule_declared rule;
extern const struct rule_declared *const multi_rules[];
extern const size_t multi_rules_count;

int udpc_probe_main(int argc, char **argv);

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--list") == 0) {
		for (size_t i = 0; i < multi_rules_count; i++)
			printf("%s\n", multi_rules[i]->id);
		return 0;
	}
	for (size_t i = 0; argc >= 2 && i < multi_rules_count; i++) {
		if (strcmp(argv[1], multi_rules[i]->id) != 0)
			continue;
		memcpy(&rule, multi_rules[i], sizeof(rule));
		return udpc_probe_main(argc - 1, argv + 1);
	}
	fprintf(stderr, "udpc-probes: %s: no such rule here; 'udpc-probes --list' names them\n",
		argc >= 2 ? argv[1] : "(no rule id)");
	return 64;
}
