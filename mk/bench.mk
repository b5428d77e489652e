# SPDX-License-Identifier: GPL-2.0-only
# make bench: what connecting a UDP socket costs and saves (issue 7), the
# suite's own speed, and the namespace setup per rule.  Builds the bench
# programs, then scripts/bench runs them and writes
# $(RESULTS)/<kernel>/bench.json (docs/bench-schema.md).
#   make bench BENCH_QUICK=1        fewer datagrams and trials (emulators)
#   make bench BENCH_EMULATED=1     mark the figures as taken under emulation
#   make bench BENCH_SUITE=0        leave out the timing of the whole suite
BENCH_SRC  := $(wildcard bench/*.c)
BENCHES    := $(patsubst bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))
BENCH_QUICK    ?= 0
BENCH_EMULATED ?= 0
BENCH_SUITE    ?= 1
export BENCH_QUICK BENCH_EMULATED BENCH_SUITE

.PHONY: bench bench-build
bench:
	@scripts/preflight bench
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s WERROR=1 all bench-build
	@scripts/bench

bench-build: $(BENCHES)

$(BUILD)/bench/%: bench/%.c $(HARNESS_LIB) $(NONSS_OBJ)
	@mkdir -p $(@D)
	$(LINK)
