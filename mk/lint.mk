# SPDX-License-Identifier: GPL-2.0-only
# make lint: static checks of the project's own code.  Files are found, not
# listed, so that a new script or a new folder of C is checked from the start.
#   make lint-shell     shellcheck: every shell script, bats file and helper
#   make lint-cppcheck  cppcheck: every .c
#   make lint-tidy      clang-tidy with .clang-tidy: every .c (one stamp each
#                       in build/lint, so a second run redoes only what changed)
#   make lint-format    clang-format --dry-run with .clang-format: every .c, .h
#   make lint-spdx      scripts/spdx-check: every source file has an SPDX line
#   make lint-size      scripts/size-check: no harness/ or netns/ file over 400
#                       lines, no C function there over 50 (scripts/udpc/size.py)
# Debian packages: shellcheck cppcheck clang-tidy clang-format.
#   make lint-python    pyflakes3: every Python file (by name or #! line)
.PHONY: lint lint-shell lint-cppcheck lint-tidy lint-format lint-python lint-spdx lint-size

LINT := build/lint

lint: lint-shell lint-cppcheck lint-tidy lint-format lint-python lint-spdx lint-size

# Only a lint goal pays for walking the tree.
ifneq ($(filter lint lint-%,$(MAKECMDGOALS)),)
# Every file but what is generated (build/, results/) or fetched (cache/).
LINT_FILES := $(shell find . \( -path ./.git -o -path ./build -o -path ./results -o -path ./cache \) \
	-prune -o -type f -print | sed 's|^\./||' | sort)
# Shell is known by its name or by its #! line; Python scripts are left out.
LINT_SH := $(shell awk 'FNR == 1 { if (FILENAME ~ /\.(bats|bash|sh)$$/ || \
	/^\#!.*[\/ ](ba|da|k)?sh([ \t]|$$)/ || /^\#!.*bats/) print FILENAME; nextfile }' \
	$(LINT_FILES) </dev/null)
LINT_PY := $(shell awk 'FNR == 1 { if (FILENAME ~ /\.py$$/ || /^\#!.*python3/) print FILENAME; nextfile }' \
	$(LINT_FILES) </dev/null)
LINT_C := $(filter %.c,$(LINT_FILES))
LINT_H := $(filter %.h,$(LINT_FILES))
endif

# The compiler's view of the code (language, include paths, macros), without
# gcc's code generation flags; clang also gets the warnings gcc has.
LINT_CFLAGS := $(filter -std=% -I% -D% -W%,$(ALL_CFLAGS)) -Wno-unknown-warning-option
# cppcheck reads our headers only: libc and libnl are described by --library.
CPPCHECK_INCLUDES := $(filter-out -I/usr/%,$(filter -I% -D%,$(ALL_CFLAGS)))

# lint_need TOOL: one line saying what is missing, instead of "command not found".
lint_need = command -v $(1) >/dev/null || { \
	echo "udpconform: $(1) is missing: install Debian package $(1) (sudo make deps)" >&2; exit 69; }

lint-python:
	@$(call lint_need,pyflakes3)
	@pyflakes3 $(LINT_PY)
	@echo "lint: pyflakes3: $(words $(LINT_PY)) Python files clean"

lint-shell:
	@$(call lint_need,shellcheck)
	@shellcheck -x $(LINT_SH)
	@echo "lint: shellcheck: $(words $(LINT_SH)) shell files clean"

# Left out, with the reason:
#   variableScope: "scope can be reduced"; declaring at the top of a block is
#   the house (kernel) style, and -Wshadow catches the mistakes it would.
CPPCHECK_SUPPRESS := --suppress=variableScope

lint-cppcheck:
	@$(call lint_need,cppcheck)
	@mkdir -p $(LINT)/cppcheck
	@cppcheck -q --error-exitcode=1 --std=c11 --library=gnu --inline-suppr \
		--enable=warning,style,performance,portability $(CPPCHECK_SUPPRESS) \
		--cppcheck-build-dir=$(LINT)/cppcheck \
		--template='{file}:{line}: {severity}: {message} [{id}]' \
		-D__linux__ -D__GNUC__ $(CPPCHECK_INCLUDES) $(LINT_C)
	@echo "lint: cppcheck: $(words $(LINT_C)) C files clean"

LINT_TIDY := $(patsubst %.c,$(LINT)/tidy/%.ok,$(LINT_C))

lint-tidy: $(LINT_TIDY)
	@echo "lint: clang-tidy: $(words $(LINT_C)) C files clean"

$(LINT)/tidy/%.ok: %.c .clang-tidy $(LINT_H)
	@$(call lint_need,clang-tidy)
	@mkdir -p $(@D)
	@clang-tidy --quiet $< -- $(LINT_CFLAGS) >$@.log 2>&1 || \
		{ grep -v 'warnings\? generated\.$$' $@.log >&2; exit 1; }
	@touch $@

# Shows how many places in which files differ, not every one of them; the
# fix is one command.
lint-format:
	@$(call lint_need,clang-format)
	@mkdir -p $(LINT)
	@if ! clang-format --dry-run -Werror $(LINT_C) $(LINT_H) 2>$(LINT)/format.log; then \
		grep -o '^[^:]*:[0-9]*:[0-9]*: error' $(LINT)/format.log | cut -d: -f1 | \
			uniq -c | awk '{ print "lint: clang-format: " $$2 ": " $$1 " places differ" }' >&2; \
		echo "lint: clang-format: fix with: clang-format -i FILE..." >&2; exit 1; \
	fi
	@echo "lint: clang-format: $(words $(LINT_C) $(LINT_H)) files formatted"

# Files from other branches arrive without the line: scripts/spdx-check --fix.
lint-spdx:
	@scripts/spdx-check
	@echo "lint: spdx: every source file has an SPDX-License-Identifier"

# The harness library reads as small objects: a file over 400 lines or a
# function over 50 is one line naming it.
lint-size:
	@scripts/size-check
