# SPDX-License-Identifier: GPL-2.0-only
# udpconform: see README.md.  `sudo make check` is the main job.

VERSION := $(shell cat VERSION)
BUILD   := build
RESULTS := results
CC      ?= cc

NL_CFLAGS := $(shell pkg-config --cflags libnl-route-3.0 2>/dev/null)
NL_LIBS   := $(shell pkg-config --static --libs libnl-route-3.0 2>/dev/null)

# A packager's CFLAGS and LDFLAGS come first; the project's own flags are
# appended.  -Werror only with WERROR=1 (make check, make test and CI set
# it; a distribution build with a newer compiler must not break on a new
# warning).
CFLAGS  ?= -O2 -g
LDFLAGS ?=
WERROR  ?= 0
UDPC_CFLAGS  := -std=gnu11 -Wall -Wextra -Wshadow -Wformat=2 -Wvla \
                -Iharness -Inetns $(NL_CFLAGS) -DUDPC_VERSION='"$(VERSION)"'
UDPC_LDFLAGS := -static
ifeq ($(WERROR),1)
UDPC_CFLAGS += -Werror
endif

# make SANITIZE=1 ...: ASan and UBSan need the dynamic runtime.
ifeq ($(SANITIZE),1)
UDPC_CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
UDPC_LDFLAGS := -fsanitize=address,undefined
BUILD        := build/sanitize
endif

# make DYNAMIC=1 ...: probes linked against libc.so, so that an LD_PRELOAD
# shim (tests only: make mutate) can stand between a probe and the kernel.
ifeq ($(DYNAMIC),1)
UDPC_LDFLAGS :=
BUILD        := build/dynamic
endif

ALL_CFLAGS  = $(CFLAGS) $(UDPC_CFLAGS)
# Header dependencies as the compiler finds them, under $(BUILD)/deps/ (not
# beside the probes, which scripts list by folder).
DEPS        = $(BUILD)/deps/$(patsubst $(BUILD)/%,%,$@).d
DEPFLAGS    = -MMD -MP -MF $(DEPS)
ALL_LDFLAGS = $(LDFLAGS) $(UDPC_LDFLAGS)

HARNESS_SRC := $(filter-out harness/nonss.c,$(wildcard harness/*.c)) $(wildcard netns/*.c)
HARNESS_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(HARNESS_SRC))
# Linked as an object, not from the archive, so that it wins over libc.a.
NONSS_OBJ   := $(BUILD)/harness/nonss.o
HARNESS_LIB := $(BUILD)/libudpc.a
CASE_SRC    := $(wildcard cases/*/*.c)
PROBES      := $(patsubst cases/%.c,$(BUILD)/cases/%,$(CASE_SRC))
TEST_SRC    := $(wildcard tests/probes/*.c)
TEST_PROBES := $(patsubst tests/probes/%.c,$(BUILD)/tests/probes/%,$(TEST_SRC))
UNIT        := $(BUILD)/tests/unit/unit
# What runs inside a make matrix guest (mk/matrix.mk).
# multi.c is not a program of its own: mk/matrix.mk links it with every rule.
GUESTS      := $(patsubst matrix/%.c,$(BUILD)/matrix/%,$(filter-out matrix/multi.c,$(wildcard matrix/*.c)))

# Compiler and script temporaries stay in the build folder: a run killed
# outright leaves nothing in /tmp or in the checkout.
export TMPDIR := $(abspath $(BUILD))/tmp
$(shell mkdir -p $(TMPDIR))

# What the user can set on the command line; scripts/check validates and
# reads them.  $(value ...): a pattern such as RULES='$(x)' reaches the
# script as written (and matches no rule), never expanded by make.
override RULES    := $(value RULES)
override FAMILIES := $(value FAMILIES)
override STRICT   := $(value STRICT)
export RULES FAMILIES STRICT RESULTS BUILD

.PHONY: all check check-run test unit deps compare clean distclean
all: $(PROBES) $(TEST_PROBES) $(GUESTS) $(UNIT)

# Without libnl nothing builds: say so once instead of a compiler error.
ifneq ($(filter all,$(or $(MAKECMDGOALS),all)),)
ifeq ($(NL_LIBS),)
$(error libnl-route-3 is missing: run 'sudo make deps' (sudo make check installs it too))
endif
endif

# check and test work as the very first command on a fresh Debian 12:
# privileges first (one line if missing), then whatever packages are
# missing, then a build by a fresh make that sees them.
check:
	@scripts/preflight check
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s WERROR=1 all
	@scripts/check

# The run alone, on what is built.  scripts/check carries the statuses, and
# dies with the make that started it (setpriv --pdeathsig, in a session of
# its own): the make that runs its recipe, never a sub-make.
check-run:
	@scripts/check

test:
	@scripts/preflight test
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s WERROR=1 all matrix-build
	@scripts/test

deps:
	@scripts/deps --install

# The harness's pure functions, without root (tests/unit/unit.c).
unit: $(UNIT)
	@$(UNIT)

# make compare RUNS="results/6.1.0-... results/6.12.0-..."
compare:
	@scripts/compare $(RUNS)

# Header dependencies as the compiler found them (-MMD -MP): touching a
# header rebuilds exactly what includes it.
$(BUILD)/%.o: %.c
	@mkdir -p $(@D) $(dir $(DEPS))
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

# Made anew, so that an object whose source is gone leaves the archive too.
$(HARNESS_LIB): $(HARNESS_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# Objects only pattern rules mention would count as intermediate and be deleted.
.SECONDARY: $(HARNESS_OBJ) $(NONSS_OBJ)

LINK = mkdir -p $(@D) $(dir $(DEPS)) && \
       $(CC) $(ALL_CFLAGS) $(DEPFLAGS) -o $@ $< $(NONSS_OBJ) $(HARNESS_LIB) $(ALL_LDFLAGS) $(NL_LIBS)

# A probe is compiled and linked in one step; its .d lists the headers.
$(BUILD)/cases/%: cases/%.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/tests/probes/%: tests/probes/%.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/tests/unit/%: tests/unit/%.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)

-include $(wildcard $(BUILD)/deps/*/*.d $(BUILD)/deps/*/*/*.d $(BUILD)/deps/*/*/*/*.d)

# Further targets, one file per job (matrix, bench, mutate, soak, lint...).
include $(sort $(wildcard mk/*.mk))

clean:
	rm -rf build

# cache/: make matrix's downloaded Debian kernels.
distclean: clean
	rm -rf results cache
