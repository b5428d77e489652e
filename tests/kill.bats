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
