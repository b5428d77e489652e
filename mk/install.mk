# SPDX-License-Identifier: GPL-2.0-only
# make install: the udpconform command, its man page, and under
# $(LIBEXECDIR)/udpconform the tree it runs (the static probes as
# cases/<topic>/<claim>, the bats files, the runner and report scripts,
# the matrix's guest programs as matrix/* and its benchmarks as bench/*),
# laid out as in the checkout so that the scripts need only UDPC_LIBEXEC.
#   make install [DESTDIR=/tmp/x] [PREFIX=/usr/local] [BINDIR=] [LIBEXECDIR=] [MANDIR=]
#   make uninstall (the same variables)
# make install-kselftest DESTDIR=DIR: the layout of the kernel's
# tools/testing/selftests install (run_kselftest.sh, KernelCI, LKFT):
# DIR/udpconform/ with one probe per rule named by its id, settings,
# config and run_udpconform.sh, and its lines in DIR/kselftest-list.txt.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
MANDIR     ?= $(PREFIX)/share/man
INSTALL    ?= install
PYTHON     ?= /usr/bin/python3  # the #! of installed Python scripts, not PATH's python3

UDPC_LIBEXEC_DIR := $(LIBEXECDIR)/udpconform
# All of scripts/ (what scripts/check runs, and what that runs in turn, is
# most of it) and the bats side of cases/; executables stay executable.
# Left out: what only works on a checkout.
INSTALL_DEV   := scripts/udpconform scripts/spdx-check scripts/update-goldens scripts/test scripts/lessons
INSTALL_FILES := $(filter-out $(INSTALL_DEV),$(sort $(shell find scripts -type f \
	! -path '*/__pycache__/*' ! -name '*.pyc') $(wildcard cases/*.bats cases/*.bash)))

.PHONY: install uninstall install-kselftest

# The matrix's guest programs (mk/matrix.mk) and the two benchmarks its
# guests run go in as built: `udpconform matrix` boots them from here.
MATRIX_INSTALL := $(addprefix $(BUILD)/matrix/,udpc-probes guest-init guest-run tsc-khz) \
	$(addprefix $(BUILD)/bench/,send lookup)

install: all matrix-build $(filter $(BUILD)/bench/%,$(MATRIX_INSTALL))
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UDPC_LIBEXEC_DIR)
	sed -e 's|@LIBEXEC@|$(UDPC_LIBEXEC_DIR)|g' \
	    -e "s|@LIBEXEC_REL@|$$(realpath -m --relative-to=$(BINDIR) $(UDPC_LIBEXEC_DIR))|g" \
	    scripts/udpconform >$(BUILD)/udpconform.cmd
	$(INSTALL) -m 0755 $(BUILD)/udpconform.cmd $(DESTDIR)$(BINDIR)/udpconform
	sed 's|@LIBEXEC@|$(UDPC_LIBEXEC_DIR)|g' docs/udpconform.1 >$(BUILD)/udpconform.1
	$(INSTALL) -m 0644 $(BUILD)/udpconform.1 $(DESTDIR)$(MANDIR)/man1/udpconform.1
	$(INSTALL) -m 0644 VERSION $(DESTDIR)$(UDPC_LIBEXEC_DIR)/VERSION
	@set -e; for f in docs/schema/*.json docs/schema/junit.xsd docs/cost.md; do \
		$(INSTALL) -D -m 0644 $$f $(DESTDIR)$(UDPC_LIBEXEC_DIR)/$$f; \
	done
	@set -e; for f in $(INSTALL_FILES); do \
		if [ -x $$f ]; then mode=0755; else mode=0644; fi; \
		$(INSTALL) -D -m $$mode $$f $(DESTDIR)$(UDPC_LIBEXEC_DIR)/$$f; \
		if [ $$mode = 0755 ] && head -n 1 $$f | grep -qx '#!/usr/bin/env python3'; then \
			sed -i '1s|.*|#!$(PYTHON)|' $(DESTDIR)$(UDPC_LIBEXEC_DIR)/$$f; \
		fi; \
	done
	@set -e; for probe in $(patsubst $(BUILD)/%,%,$(PROBES)); do \
		$(INSTALL) -D -m 0755 $(BUILD)/$$probe $(DESTDIR)$(UDPC_LIBEXEC_DIR)/$$probe; \
	done
	@set -e; for prog in $(patsubst $(BUILD)/%,%,$(MATRIX_INSTALL)); do \
		$(INSTALL) -D -m 0755 $(BUILD)/$$prog $(DESTDIR)$(UDPC_LIBEXEC_DIR)/$$prog; \
	done
	@# The lab (mk/lab.mk) as built, its lab-HOST links kept as links.
	@rm -rf $(DESTDIR)$(UDPC_LIBEXEC_DIR)/lab
	@cp -RP $(LAB_DIR) $(DESTDIR)$(UDPC_LIBEXEC_DIR)/lab
	@# The map from rule id to probe, where make writes one (Harness II).
	@[ ! -f $(BUILD)/rules.tsv ] || $(INSTALL) -m 0644 $(BUILD)/rules.tsv $(DESTDIR)$(UDPC_LIBEXEC_DIR)/
	@echo "udpconform: installed $(words $(PROBES)) probes under $(DESTDIR)$(UDPC_LIBEXEC_DIR), the command as $(DESTDIR)$(BINDIR)/udpconform"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/udpconform $(DESTDIR)$(MANDIR)/man1/udpconform.1
	rm -rf $(DESTDIR)$(UDPC_LIBEXEC_DIR)

KSFT_DIR := $(DESTDIR)/udpconform
# collection:test, one test per rule, named by its id.
KSFT_IDS := $(foreach c,$(CASE_SRC),udp.$(subst /,.,$(patsubst cases/%.c,%,$(c))))

install-kselftest: all
	@[ -n "$(DESTDIR)" ] || { echo "udpconform: set DESTDIR to the kselftest install folder (make install-kselftest DESTDIR=DIR)" >&2; exit 64; }
	$(INSTALL) -d $(KSFT_DIR)
	@set -e; for c in $(patsubst cases/%.c,%,$(CASE_SRC)); do \
		$(INSTALL) -m 0755 $(BUILD)/cases/$$c $(KSFT_DIR)/udp.$$(echo $$c | tr / .); \
	done
	$(INSTALL) -m 0644 kselftest/settings kselftest/config $(KSFT_DIR)/
	$(INSTALL) -m 0755 kselftest/run_udpconform.sh $(KSFT_DIR)/
	@list=$(DESTDIR)/kselftest-list.txt; touch $$list; \
		grep -v '^udpconform:' $$list >$$list.new || true; \
		for id in $(KSFT_IDS); do echo "udpconform:$$id"; done >>$$list.new; \
		mv $$list.new $$list
	@echo "udpconform: installed $(words $(KSFT_IDS)) kselftest tests in $(KSFT_DIR), listed in $(DESTDIR)/kselftest-list.txt"
