# SPDX-License-Identifier: GPL-2.0-only
# Loaded by tests/run.bats: a small build folder (a few real rules, or the
# harness's test probes under udp.test.* ids) so that a whole run of
# scripts/check takes a second, and the helpers that watch a run.
# shellcheck shell=bash

# small_build DIR ID...: DIR/rules.tsv and DIR/cases/ for these rules, the
# probes being the real build's (or tests/probes/<claim> for udp.test.*).
small_build() {
	local dir=$1 id topic claim src
	shift
	mkdir -p "$dir"
	: >"$dir/rules.tsv"
	for id in "$@"; do
		topic=${id#udp.}
		claim=${topic#*.}
		topic=${topic%%.*}
		src=$(realpath "$BUILD/cases/$topic/$claim" 2>/dev/null || realpath "$BUILD/tests/probes/$claim")
		mkdir -p "$dir/cases/$topic"
		ln -sf "$src" "$dir/cases/$topic/$claim"
		printf '%s\tcases/%s/%s\t%s\n' "$id" "$topic" "$claim" "$("$src" --meta | jq -r .sentence)" >>"$dir/rules.tsv"
	done
}

# run_wait_progress RESULTS N: returns when the run writing into RESULTS has
# finished N rules (its progress file has N lines), at most 30 s: an event,
# never a sleep (tail -F follows the file as it appears and grows).
# N=0: the run has started (its selection is written).
run_wait_progress() {
	local file=$1/.run/progress n=$2
	(( n > 0 )) || { file=$1/.run/selection.txt n=1; }
	timeout 30 tail -n +1 -F "$file" 2>/dev/null | head -n "$n" >/dev/null
}
