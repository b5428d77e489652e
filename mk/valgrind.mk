# SPDX-License-Identifier: GPL-2.0-only
# make valgrind: a sample of probes (every topology, the harness's test
# probes) under valgrind memcheck, children included; fails on any error or
# leak.  memcheck cannot replace malloc in a static binary, so the probes are
# linked dynamically (DYNAMIC=1, into build/valgrind).  Needs root, like make
# check.  See scripts/valgrind.  Debian package: valgrind.
.PHONY: valgrind

VALGRIND_BUILD := build/valgrind

valgrind:
	@scripts/preflight check
	@command -v valgrind >/dev/null || \
		{ echo "udpconform: valgrind is missing: install Debian package valgrind (sudo make deps)" >&2; exit 69; }
	@$(MAKE) --no-print-directory -s WERROR=1 DYNAMIC=1 BUILD=$(VALGRIND_BUILD) all
	@scripts/valgrind $(VALGRIND_BUILD)
