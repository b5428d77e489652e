#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# docs/coverage.md: the peers' cases and the rules that cover them.

@test "every rule docs/coverage.md names is a probe, and its ratios and summary agree with its rows" {
	run /usr/bin/python3 "$BATS_TEST_DIRNAME/coverage_check.py"
	[[ $status -eq 0 ]] || { echo "$output"; echo "fix the rows, or run: /usr/bin/python3 tests/coverage_check.py --write"; false; }
}
