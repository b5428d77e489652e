# SPDX-License-Identifier: GPL-2.0-only
# make matrix: the suite under several Linux kernels (Debian's, booted under
# QEMU) and the running one, side by side in REPORT.md.  See scripts/matrix.
#   make matrix KERNELS="6.1 6.12"   which Debian kernels (the default)
#   make matrix KERNELS=/path/to/vmlinux[:/path/to/modules]   a kernel of one's own
#   make matrix KERNELS=/path/to/linux-image-....deb          (scripts/matrix-kernel)
#   make matrix BENCH=0              without make bench (quick) in every guest
# Downloads and extracted kernels stay in cache/ (make clean keeps them,
# make distclean removes them).
KERNELS ?=
BENCH   ?= 1
export KERNELS BENCH

.PHONY: matrix
matrix:
	@scripts/preflight matrix
	@scripts/deps --ensure matrix
	@$(MAKE) --no-print-directory -s WERROR=1 all $(if $(filter 1,$(BENCH)),bench-build)
	@scripts/matrix

# The guest's /init (static: the initramfs has no libc) and the TSC reader
# run on the host; both built like everything else, from matrix/*.c, but
# never with the sanitizers (no runtime in the guest; -static refuses them).
GUEST_CFLAGS = $(filter-out -fsanitize=% -fno-sanitize-%,$(ALL_CFLAGS))
$(BUILD)/matrix/guest-init: matrix/guest-init.c
	@mkdir -p $(@D) $(dir $(DEPS))
	$(CC) $(GUEST_CFLAGS) $(DEPFLAGS) -static -o $@ $< $(LDFLAGS)

$(BUILD)/matrix/tsc-khz: matrix/tsc-khz.c
	@mkdir -p $(@D) $(dir $(DEPS))
	$(CC) $(GUEST_CFLAGS) $(DEPFLAGS) -o $@ $< $(LDFLAGS)
