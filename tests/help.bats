#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make help lists every target a user can name, one line each.
# shellcheck disable=SC2154 # output and lines are set by bats' run
bats_require_minimum_version 1.5.0

@test "make help lists every .PHONY target of the Makefile and mk/*.mk with one line" {
	run -0 make --no-print-directory help
	local target targets missing=()
	read -r -a targets <<<"$(sed -n 's/^\.PHONY: *//p' Makefile mk/*.mk | tr '\n' ' ')"
	for target in "${targets[@]}"; do
		grep -qE "^  $target +[^ ]" <<<"$output" || missing+=("$target")
	done
	[[ ${#missing[@]} == 0 ]] || { echo "not in make help: ${missing[*]}"; false; }
}
