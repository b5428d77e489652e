# SPDX-License-Identifier: GPL-2.0-only
# make matrix: the suite under several Linux kernels (Debian's, booted under
# QEMU) and the running one, side by side in REPORT.md.  See scripts/matrix.
#   make matrix KERNELS="6.1 6.12"   which Debian kernels (the default)
#   make matrix KERNELS=/path/to/vmlinux[:/path/to/modules]   a kernel of one's own
#   make matrix KERNELS=/path/to/linux-image-....deb          (scripts/matrix-kernel)
#   make matrix BENCH=1              with make bench (quick) in every guest (the plots)
# Downloads and extracted kernels stay in cache/ (make clean keeps them,
# make distclean removes them).
KERNELS ?=
BENCH   ?= 0
export KERNELS BENCH

.PHONY: matrix
matrix:
	@scripts/preflight matrix
	@scripts/deps --ensure matrix
	@$(MAKE) --no-print-directory -s WERROR=1 all matrix-build $(if $(filter 1,$(BENCH)),bench-build)
	@scripts/matrix

# make kselftest-guest KERNEL=6.12: make install-kselftest's tree booted in
# one guest of that kernel and run there by the kernel's own
# run_kselftest.sh; its counts must equal the suite's (scripts/matrix-kselftest).
KERNEL ?=
KSFT_GUEST_TREE := $(abspath $(BUILD))/kselftest-guest/tree

.PHONY: kselftest-guest
kselftest-guest:
	@scripts/preflight matrix
	@scripts/deps --ensure matrix
	@$(MAKE) --no-print-directory -s WERROR=1 all matrix-build
	@rm -rf $(KSFT_GUEST_TREE)
	@$(MAKE) --no-print-directory -s install-kselftest DESTDIR=$(KSFT_GUEST_TREE) >/dev/null
	@KSFT=$(KSFT_GUEST_TREE) scripts/matrix-kselftest $(KERNEL)

# The guest's programs (matrix/): its init, its runner, and every probe in
# one multi-call program (matrix/multi.c says how).
MATRIX_BUILD := $(BUILD)/matrix
MULTI_OBJ    := $(patsubst cases/%.c,$(MATRIX_BUILD)/cases/%.o,$(CASE_SRC))
GUEST_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -Wshadow -Wformat=2

.PHONY: matrix-build
matrix-build: $(MATRIX_BUILD)/udpc-probes $(MATRIX_BUILD)/guest-init $(MATRIX_BUILD)/guest-run \
	$(MATRIX_BUILD)/tsc-khz

# A rule file compiled as for its own probe, its `rule` renamed.
$(MATRIX_BUILD)/cases/%.o: cases/%.c $(wildcard harness/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@.tmp $<
	objcopy --redefine-sym rule=rule__$(subst /,__,$*) $@.tmp $@
	@rm -f $@.tmp

$(MATRIX_BUILD)/rules.c: $(CASE_SRC) mk/matrix.mk
	@mkdir -p $(@D)
	@{ echo '#include <stddef.h>'; echo '#include "udpc.h"'; \
	  for c in $(patsubst cases/%.c,%,$(CASE_SRC)); do echo "extern const struct rule rule__$$(echo $$c | sed 's|/|__|');"; done; \
	  echo 'const struct rule *const multi_rules[] = {'; \
	  for c in $(patsubst cases/%.c,%,$(CASE_SRC)); do echo "	&rule__$$(echo $$c | sed 's|/|__|'),"; done; \
	  echo '};'; echo 'const size_t multi_rules_count = sizeof(multi_rules) / sizeof(multi_rules[0]);'; } >$@

# The harness with its main() renamed, so that multi.c's main() chooses.
$(MATRIX_BUILD)/libudpc-multi.a: $(HARNESS_LIB)
	@mkdir -p $(@D)
	objcopy --redefine-sym main=udpc_probe_main $< $@

$(MATRIX_BUILD)/udpc-probes: matrix/multi.c $(MATRIX_BUILD)/rules.c $(MULTI_OBJ) \
	$(MATRIX_BUILD)/libudpc-multi.a $(NONSS_OBJ) harness/udpc.h
	$(CC) $(ALL_CFLAGS) -o $@ matrix/multi.c $(MATRIX_BUILD)/rules.c $(MULTI_OBJ) $(NONSS_OBJ) \
		$(MATRIX_BUILD)/libudpc-multi.a -static $(NL_LIBS) -s

$(MATRIX_BUILD)/guest-init $(MATRIX_BUILD)/guest-run: $(MATRIX_BUILD)/%: matrix/%.c
	@mkdir -p $(@D)
	$(CC) $(GUEST_CFLAGS) -static -s -o $@ $<

# A host program (it runs beside QEMU, not in the guest): the packager's
# CFLAGS and LDFLAGS apply (debug symbols for the Debian package's dbgsym).
$(MATRIX_BUILD)/tsc-khz: matrix/tsc-khz.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(GUEST_CFLAGS) $(LDFLAGS) -o $@ $<
