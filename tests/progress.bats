#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The one-line progress of long jobs (scripts/lib/progress.bash and
# scripts/udpc/progress.py): redrawn in place on a terminal, plain lines
# elsewhere, the same words from bash and Python.
# shellcheck disable=SC2154 # output is set by bats' run
bats_require_minimum_version 1.5.0

@test "progress_tap counts a TAP stream against its plan, one plain line per test" {
	# shellcheck disable=SC2016 # expanded by the inner bash
	run --separate-stderr bash -c 'source scripts/lib/progress.bash
		printf "1..3\nok 1 first\n# a comment\nnot ok 2 second\nok 3 third # skip\n" | UDPC_PROGRESS=plain progress_tap check'
	[[ $stderr == $'check: 1/3 first\ncheck: 2/3 second\ncheck: 3/3 third # skip' ]]
	[[ -z $output ]]
}

@test "on a terminal the line is redrawn in place, a said line stays, and the end clears it" {
	# shellcheck disable=SC2016 # expanded by the inner bash
	run --separate-stderr bash -c 'source scripts/lib/progress.bash
		UDPC_PROGRESS=tty; progress_begin 6.1 2; progress_step a; progress_say "SURVIVED x"; progress_step b; progress_end'
	[[ $stderr == $'\r\e[K6.1: 1/2 a\r\e[KSURVIVED x\n\r\e[K6.1: 1/2 a\r\e[K6.1: 2/2 b\r\e[K' ]]
}

@test "the Python helper writes what the bash one writes" {
	run --separate-stderr env UDPC_PROGRESS=plain /usr/bin/python3 -B -c '
import sys; sys.path.insert(0, "scripts")
from udpc.progress import Progress
p = Progress("mutate", 2); p.step("a"); p.say("SURVIVED x"); p.step("b"); p.end()'
	[[ $stderr == $'mutate: 1/2 a\nSURVIVED x\nmutate: 2/2 b' ]]
}

@test "the direct runner shows the same progress line as bats': one step per rule, off with UDPC_PROGRESS=off" {
	load run
	export BUILD=${UDPC_BUILD:-build}
	small_build "$BATS_TEST_TMPDIR/build" udp.send.sendto_port_zero_einval udp.send.unconnected_send_edestaddrreq
	run -0 --separate-stderr env BUILD="$BATS_TEST_TMPDIR/build" RESULTS="$BATS_TEST_TMPDIR/results" \
		UDPC_REPORT="$BATS_TEST_TMPDIR/REPORT.md" UDPC_RUNNER=direct UDPC_PROGRESS=plain UDPC_PROGRESS_LABEL=direct scripts/check
	[[ $(grep -c '^direct: [12]/2 udp\.send\.' <<<"$stderr") == 2 ]]
	grep -qx 'direct: 2/2 udp.send.[a-z_]*' <<<"$stderr"
	run -0 --separate-stderr env BUILD="$BATS_TEST_TMPDIR/build" RESULTS="$BATS_TEST_TMPDIR/results" \
		UDPC_REPORT="$BATS_TEST_TMPDIR/REPORT.md" UDPC_RUNNER=direct UDPC_PROGRESS=off UDPC_PROGRESS_LABEL=direct scripts/check
	[[ $stderr != *'direct: '* ]]
}
