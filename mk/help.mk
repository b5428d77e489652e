# SPDX-License-Identifier: GPL-2.0-only
# make help: every target, one line each (tests/help.bats checks that each
# .PHONY target is here).
.PHONY: help
help:
	@echo "usage: make [TARGET] [VARIABLE=value...]   (README.md; sudo where a target needs root)"
	@printf '  %-18s %s\n' \
		all               "build the probes (the default target)" \
		check             "run every rule on this kernel: REPORT.md, results/<kernel>/ (RULES FAMILIES STRICT)" \
		check-run         "the run alone, on what is built (scripts/check)" \
		unit              "the harness's unit tests (no root)" \
		test              "the project's own tests, then the suite (what CI runs)" \
		deps              "install every Debian package any target needs" \
		compare           "runs of several kernels side by side (RUNS=\"results/A results/B\")" \
		matrix            "the suite under other Debian kernels in QEMU (KERNELS=\"6.1 6.12\" or a path)" \
		matrix-build      "build the guest programs of make matrix only" \
		kselftest-guest   "install-kselftest's tree under run_kselftest.sh in a QEMU guest (KERNEL=6.12)" \
		kernel            "build a kernel from Debian's source (SRC=6.12 PATCHES=...)" \
		verify-fix        "stock and patched kernels: the bugs' rules XFAIL, then XPASS" \
		zoo               "kernels with historical bugs put back: which rule catches each" \
		bench             "what connecting costs and saves, per datagram (bench.json, REPORT.md)" \
		bench-build       "build the benchmark programs only" \
		lab               "a shell in the client's namespace of a throwaway topology (TOPO=link; docs/lab.md)" \
		lab-build         "build the lab only (build/lab)" \
		mutate            "mutation testing: every rule must FAIL when the kernel's answer is altered" \
		soak              "the suite N times (N=10, LOAD=1): any record that changed" \
		sanitize          "the harness tests and the suite under ASan + UBSan" \
		valgrind          "a sample of probes under valgrind memcheck" \
		lessons           "the lesson book docs/lessons/ from the rules and a run (LESSONS_RESULTS=...)" \
		lessons-build     "build what make lessons reads (rules.tsv, netns/tools/topologies)" \
		lint              "all of the lint-* checks below" \
		lint-shell        "shellcheck every shell script and bats file" \
		lint-cppcheck     "cppcheck every C file" \
		lint-python       "pyflakes3 every Python file" \
		lint-tidy         "clang-tidy every C file" \
		lint-format       "clang-format --dry-run every C file and header" \
		lint-spdx         "every source file has an SPDX line (scripts/spdx-check --fix adds it)" \
		lint-size         "no harness/ or netns/ file over 400 lines, no C function over 50 (scripts/size-check)" \
		install           "the udpconform command, udpconform(1), the probes (DESTDIR PREFIX LIBEXECDIR)" \
		uninstall         "remove what install put there (the same variables)" \
		install-kselftest "the kselftest layout for run_kselftest.sh (DESTDIR=DIR)" \
		deb               "the Debian package in build/deb, then lintian" \
		clean             "remove build/ (cache/ and results/ stay)" \
		distclean         "also remove cache/ and results/" \
		help              "this list"
