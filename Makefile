# udpconform: see README.md.  `sudo make check` is the main job.

VERSION := $(shell cat VERSION)
BUILD   := build
RESULTS := results
CC      ?= cc

NL_CFLAGS := $(shell pkg-config --cflags libnl-route-3.0 2>/dev/null)
NL_LIBS   := $(shell pkg-config --static --libs libnl-route-3.0 2>/dev/null)

CFLAGS  := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wshadow -Wformat=2 \
           -Iharness -Inetns $(NL_CFLAGS) -DUDPC_VERSION='"$(VERSION)"'
LDFLAGS := -static

# make SANITIZE=1 ...: ASan and UBSan need the dynamic runtime.
ifeq ($(SANITIZE),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS := -fsanitize=address,undefined
BUILD   := build/sanitize
endif

# make DYNAMIC=1 ...: probes linked against libc.so, so that an LD_PRELOAD
# shim (tests only: make mutate) can stand between a probe and the kernel.
ifeq ($(DYNAMIC),1)
LDFLAGS :=
BUILD   := build/dynamic
endif

# The library: harness/ (what rules link) and netns/ (the topologies).
HARNESS_SRC := $(filter-out harness/nonss.c,$(wildcard harness/*.c)) $(wildcard netns/*.c)
HARNESS_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(HARNESS_SRC))
# Linked as an object, not from the archive, so that it wins over libc.a.
NONSS_OBJ   := $(BUILD)/harness/nonss.o
HARNESS_LIB := $(BUILD)/libudpc.a
CASE_SRC    := $(wildcard cases/*/*.c)
PROBES      := $(patsubst cases/%.c,$(BUILD)/cases/%,$(CASE_SRC))
TEST_SRC    := $(wildcard tests/probes/*.c)
TEST_PROBES := $(patsubst tests/probes/%.c,$(BUILD)/tests/probes/%,$(TEST_SRC))

# What the user can set on the command line; scripts/check reads them.
RULES    ?=
FAMILIES ?=
STRICT   ?= 0
export RULES FAMILIES STRICT RESULTS BUILD

.PHONY: all check test deps compare clean distclean
all: $(PROBES) $(TEST_PROBES)

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
	@$(MAKE) --no-print-directory -s all
	@scripts/check

test:
	@scripts/preflight test
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s all
	@scripts/test

deps:
	@scripts/deps --install

# make compare RUNS="results/6.1.0-... results/6.12.0-..."
compare:
	@scripts/compare $(RUNS)

$(BUILD)/harness/%.o: harness/%.c harness/udpc.h harness/internal.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/netns/%.o: netns/%.c harness/udpc.h harness/internal.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# Made anew, so that an object whose source is gone leaves the archive too.
$(HARNESS_LIB): $(HARNESS_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# Objects only pattern rules mention would count as intermediate and be deleted.
.SECONDARY: $(HARNESS_OBJ) $(NONSS_OBJ)

LINK = $(CC) $(CFLAGS) -o $@ $< $(NONSS_OBJ) $(HARNESS_LIB) $(LDFLAGS) $(NL_LIBS)

$(BUILD)/cases/%: cases/%.c $(HARNESS_LIB) $(NONSS_OBJ) harness/udpc.h
	@mkdir -p $(@D)
	$(LINK)

$(BUILD)/tests/probes/%: tests/probes/%.c $(HARNESS_LIB) $(NONSS_OBJ) harness/udpc.h
	@mkdir -p $(@D)
	$(LINK)

# Further targets, one file per job (matrix, bench, mutate, soak, lint...).
include $(sort $(wildcard mk/*.mk))

clean:
	rm -rf build

# cache/: make matrix's downloaded Debian kernels.
distclean: clean
	rm -rf results cache
