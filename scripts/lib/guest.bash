# SPDX-License-Identifier: GPL-2.0-only
# One QEMU guest of make matrix or make kselftest-guest, booted the one way
# both use (shared by scripts/matrix and scripts/matrix-kselftest).
#   guest_boot ACCEL BOUND_S MEMORY_MB TSC_KHZ KERNEL INITRD
#       the guest's console on stdout until it resets (QEMU exits: the
#       guest's run is over) or BOUND_S runs out (timeout's 124, 137)
# Environment: MATRIX_QEMU (qemu-system-x86_64), MATRIX_APPEND (kernel
# parameters of one's own, after GUEST_PARAMS; the project's tests use it).
# shellcheck shell=bash

# The guests' own kernel parameters, recorded with the emulator in each
# run.json: under TCG a syscall's speculation barriers and page-table
# switches are emulated at full cost, and mitigations=off takes a sixth of
# a guest's CPU time away (QEMU CPU 44.5 s to 37.2 s for 6.12's suite);
# none of them touches a path a rule observes.
readonly GUEST_PARAMS="mitigations=off"

# guest_boot ACCEL BOUND_S MEMORY_MB TSC_KHZ KERNEL INITRD:
# - microvm, -nodefaults and no -netdev: no network device at all, only
#   the namespaces the probes make.
# - isa-debug-exit at 0xf4 (matrix/guest-init.c, guest_leave()): a guest
#   that is done writes there and QEMU exits at once, with status 1
#   ((0 << 1) | 1).  -no-reboot: a guest's reset ends QEMU too (status 0).
# - -cpu max: a TSC the guest may trust; tsc_early_khz (tsc-khz, the
#   host's): no calibration against the emulated PIT, which fails when the
#   host is busy.
# - timeout stays in the caller's process group (--foreground), and it and
#   QEMU die with their parent even on a kill -9 of it (pdeathsig).
guest_boot() {
	local accel=$1 bound=$2 memory=$3 tsc_khz=$4 kernel=$5 initrd=$6
	setpriv --pdeathsig KILL timeout --foreground --kill-after=5 "$bound" \
		setpriv --pdeathsig KILL "${MATRIX_QEMU:-qemu-system-x86_64}" -M microvm -accel "$accel" \
		-cpu max -m "$memory" -nodefaults -display none -no-reboot -serial stdio \
		-device isa-debug-exit,iobase=0xf4,iosize=0x01 \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 loglevel=1 tsc_early_khz=$tsc_khz tsc=reliable $GUEST_PARAMS ${MATRIX_APPEND:-}" \
		</dev/null 2>&1
}
