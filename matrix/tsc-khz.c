// SPDX-License-Identifier: GPL-2.0-only
/*
 * tsc-khz: prints this machine's TSC frequency in kHz.
 *
 * Under QEMU's TCG the guest reads the host's TSC, and a guest kernel that
 * calibrates it against the emulated PIT fails when the host is busy
 * ("tsc: Unable to calibrate against PIT", then no clocksource at all, and
 * the guest hangs before userspace).  scripts/matrix passes this figure as
 * tsc_early_khz= so that the guest never calibrates.  The figure is the TSC
 * ticks over 50 ms of CLOCK_MONOTONIC_RAW: both run in real time, so being
 * preempted meanwhile does not change their ratio.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <x86intrin.h>

enum { SPAN_NS = 50 * 1000 * 1000 };

static int64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC_RAW, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(void)
{
	int64_t start = now_ns(), end;
	uint64_t ticks = __rdtsc();

	do
		end = now_ns();
	while (end - start < SPAN_NS);
	ticks = __rdtsc() - ticks;
	printf("%llu\n", (unsigned long long)(ticks * 1000000 / (uint64_t)(end - start)));
	return 0;
}
