# SPDX-License-Identifier: GPL-2.0-only
# make mutate: mutation testing, proof that every rule can fail.  The probes
# are built again, linked against libc.so (DYNAMIC=1), into their own folder,
# so that the fault-injection shim (tests/mutate/shim.c, LD_PRELOAD, tests
# only) can stand between them and the kernel; scripts/mutate runs them.
#   make mutate [RULES='udp.send.*'] [FAMILIES=ipv4] [JOBS=2]
MUTATE_BUILD := build/mutate
MUTATE_SHIM  := $(MUTATE_BUILD)/tests/mutate/shim.so

.PHONY: mutate
mutate:
	@scripts/preflight mutate
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s WERROR=1 DYNAMIC=1 BUILD=$(MUTATE_BUILD) all $(MUTATE_SHIM)
	@BUILD=$(MUTATE_BUILD) scripts/mutate

# Plain CFLAGS, never the sanitizers': the shim is loaded into a probe that
# has no sanitizer runtime.
$(BUILD)/tests/mutate/shim.so: tests/mutate/shim.c
	@mkdir -p $(@D)
	$(CC) $(filter-out -fsanitize=%,$(ALL_CFLAGS)) -fPIC -shared -o $@ $< -ldl
