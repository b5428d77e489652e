#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Killing only make's PID (SIGKILL or SIGTERM), at 20 points chosen by a
# seeded generator (UDPC_KILL_SEED, default 1) and reached by events (the
# k-th rule done), never by a sleep: every process of the run dies with it,
# and the results folder is either the last complete run or this run marked
# interrupted, never a mix.
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
}

setup() {
	load run
	TMP=$BATS_TEST_TMPDIR
	SMALL=$TMP/build
	# Four rules, then one that hangs: the run cannot end before the kill.
	small_build "$SMALL" udp.send.sendto_port_zero_einval udp.send.unconnected_send_edestaddrreq \
		udp.connect.getpeername_enotconn_before_peer_after udp.disconnect.never_connected_returns_0 \
		udp.test.hang
	export UDPC_REPORT=$TMP/REPORT.md UDPC_PROGRESS=off
}

# kill_make SIGNAL K: make check-run, its PID killed with SIGNAL once K rules
# are done; then nothing of the run is left and the results folder is whole.
kill_make() {
	local sig=$1 k=$2 make_pid sid left doc
	make -s check-run BUILD="$SMALL" RESULTS="$TMP/results" UDPC_JOBS=1 >"$TMP/log" 2>&1 &
	make_pid=$!
	run_wait_progress "$TMP/results" "$k"
	sid=$(cat "$TMP/results/.lock.pid")
	kill -"$sig" "$make_pid"
	wait "$make_pid" || true
	# The run goes on only to end itself: wait for its session (bounded).
	procs_wait_exit 20 "$sid" || { echo "kill -$sig make at $k: the run did not stop"; return 1; }
	left=$(ps -o pid=,stat= -s "$sid" | awk '$2 !~ /^Z/ { print $1 }')
	[[ -z $left ]] || { echo "kill -$sig make at $k: left running: $left"; ps -o pid,args -p "$left"; return 1; }
	[[ ! -e $TMP/results/.run ]]
	doc=$TMP/results/$(uname -r)/results.json
	[[ $(jq -r '.run.interrupted.signal // "none"' "$doc") == SIGTERM ]] ||
		{ echo "kill -$sig make at $k: results not marked interrupted"; return 1; }
	# Nothing of another run in the folder: its records are its selection's.
	(( $(jq '[.rules[].results[]] | length' "$doc") + $(jq '.missing | length' "$doc") == 15 ))
}

@test "killing only make's PID at 20 seeded points leaves no process and no mixed results folder" {
	load leak
	RANDOM=${UDPC_KILL_SEED:-1}
	local i sig
	for ((i = 0; i < 20; i++)); do
		sig=KILL
		(( RANDOM % 2 )) && sig=TERM
		kill_make "$sig" $((RANDOM % 5))
	done
}

# kill_check K: make check-run, scripts/check's own PID (the run's session
# leader) killed with SIGKILL once K rules are done.  No trap runs: every
# other process of the run must still go (its session guard), the results
# folder keep no record of this run, and its lock be free for the next.
kill_check() {
	local k=$1 make_pid sid pids left
	# The last kill's .run would answer for this run (the end checks that
	# a run removes it).
	rm -rf "$TMP/results/.run" "$TMP/results/.lock.pid"
	make -s check-run BUILD="$SMALL" RESULTS="$TMP/results" UDPC_JOBS=1 >"$TMP/log" 2>&1 &
	make_pid=$!
	run_wait_progress "$TMP/results" "$k"
	sid=$(cat "$TMP/results/.lock.pid")
	pids=$(ps -o pid= -s "$sid")
	kill -KILL "$sid"
	wait "$make_pid" || true
	# 3 s: the guard's pkill takes milliseconds; a run left to itself would
	# go on at least to udp.test.hang's family bound (10 s) and its end.
	# shellcheck disable=SC2086 # one argument per PID
	procs_wait_exit 3 $pids || { echo "kill -9 check at $k: its processes did not stop"; ps -o pid,args -s "$sid"; return 1; }
	left=$(ps -o pid=,stat= -s "$sid" | awk '$2 !~ /^Z/ { print $1 }')
	[[ -z $left ]] || { echo "kill -9 check at $k: left running: $left"; return 1; }
	[[ ! -e $TMP/results/$(uname -r) ]] || { echo "kill -9 check at $k: a results folder of this run"; return 1; }
	flock -n "$TMP/results/.lock" true || { echo "kill -9 check at $k: the run's lock is still held"; return 1; }
}

@test "a kill -9 of scripts/check itself at 5 seeded points leaves no process and a free results folder" {
	load leak
	RANDOM=${UDPC_KILL_SEED:-1}
	local i
	for ((i = 0; i < 5; i++)); do
		kill_check $((RANDOM % 5))
	done
	# The next run takes the folder, the abandoned .run with it.
	run make -s check-run BUILD="$SMALL" RESULTS="$TMP/results" RULES='udp.send.*' >"$TMP/log" 2>&1
	[[ -f $TMP/results/$(uname -r)/results.json && ! -e $TMP/results/.run ]]
}
