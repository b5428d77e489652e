#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# A run that did not run every selected rule never passes (issue 12): each
# way of breaking a run, reproduced, gives one line, its own status, and a
# results folder that says what happened; nothing is lost, nothing left.
# Runs use a small build folder (tests/run.bash) so each takes a second.
# shellcheck disable=SC2154 # status, output and stderr are set by bats' run
bats_require_minimum_version 1.5.0

setup() {
	load run
	export BUILD=${UDPC_BUILD:-build}
	TMP=$BATS_TEST_TMPDIR
	SMALL=$TMP/build
	small_build "$SMALL" udp.send.sendto_port_zero_einval udp.send.unconnected_send_edestaddrreq \
		udp.connect.getpeername_enotconn_before_peer_after
	export UDPC_REPORT=$TMP/REPORT.md UDPC_PROGRESS=off
}

check() {
	BUILD=$SMALL RESULTS=$TMP/results scripts/check "$@"
}

records() {
	wc -l <"$TMP/results/$(uname -r)/results.jsonl"
}

@test "RULES='*' and '*e*' select rule ids, whatever files the working directory holds" {
	mkdir "$TMP/cwd" && touch "$TMP/cwd/a" "$TMP/cwd/e"
	run -0 env -C "$TMP/cwd" BUILD="$SMALL" RESULTS="$TMP/results" RULES='*' "$PWD/scripts/check"
	(( $(records) == 9 ))
	run -0 env -C "$TMP/cwd" BUILD="$SMALL" RESULTS="$TMP/results" RULES='*e*' "$PWD/scripts/check"
	(( $(records) == 9 ))
	run -0 env BUILD="$SMALL" RESULTS="$TMP/results" RULES='udp.send.*' scripts/check
	(( $(records) == 6 ))
}

@test "a RULES pattern make would expand reaches the check as written, and matches no rule" {
	# shellcheck disable=SC2016 # the $( is the point: make must not expand it
	run -2 --separate-stderr make -s check BUILD="$SMALL" RESULTS="$TMP/results" RULES='$(shell echo udp.send.sendto_port_zero_einval)'
	[[ $stderr == *"RULES pattern '\$(shell"*"matches no rule"* ]]
	[[ ! -e $TMP/results/$(uname -r) ]]
}

@test "a temporary folder that cannot be written is refused before anything runs, in one line, 73" {
	mkdir -p "$SMALL/tmp"
	# shellcheck disable=SC2016 # expanded by the inner sh
	run -73 --separate-stderr unshare --mount --propagation private sh -c \
		'mount --bind -o ro "$1/tmp" "$1/tmp" && UDPC_TMPDIR=$1/tmp BUILD=$1 RESULTS=$2 exec scripts/check' sh "$SMALL" "$TMP/results"
	[[ $stderr == "udpconform: cannot write to UDPC_TMPDIR=$SMALL/tmp; set UDPC_TMPDIR to a writable folder" ]]
	[[ ! -e $TMP/results/$(uname -r) ]]
}

@test "records that are missing make the run ERROR, exit 1, and REPORT.md says so on its first line" {
	run -0 check
	local run
	run=$TMP/results/$(uname -r)
	# A probe that wrote only some of its records: its last family is gone.
	sed -i '$d' "$run/results.jsonl"
	run -1 --separate-stderr scripts/finish "$run"
	[[ $stderr == "udpconform: run incomplete: 1 of 9 records missing: "*".mapped" ]]
	[[ $(jq -r '.complete, (.missing | length)' "$run/results.json") == $'false\n1' ]]
	run -0 scripts/report "$run" --out "$UDPC_REPORT"
	[[ $(head -1 "$UDPC_REPORT") == *"(INCOMPLETE RUN)" ]]
}

@test "FAMILIES: commas or spaces, each known, at least one" {
	run -64 --separate-stderr check_env FAMILIES=,
	[[ $stderr == "udpconform: FAMILIES=',' names no family: use ipv4, ipv6 or mapped, comma- or space-separated" ]]
	run -64 --separate-stderr check_env FAMILIES=ipv4,ipv5
	[[ $stderr == "udpconform: unknown family 'ipv5' in FAMILIES=ipv4,ipv5: use ipv4, ipv6 or mapped, comma- or space-separated" ]]
	run -0 check_env FAMILIES='ipv6 ipv4'
	(( $(records) == 6 ))
	[[ $(jq -r '.run.selection.families | join(",")' "$TMP/results/$(uname -r)/results.json") == ipv4,ipv6 ]]
}

check_env() {
	env BUILD="$SMALL" RESULTS="$TMP/results" "$@" scripts/check
}

@test "a probe refuses an empty, ',' or over-long family list in one line, exit 64" {
	local probe=$BUILD/cases/send/sendto_port_zero_einval long
	for list in '' ',' ' ' 'ipv4,,ipv5'; do
		run -64 --separate-stderr "$probe" --family "$list"
		[[ $stderr == "udp.send.sendto_port_zero_einval: "* ]]
		(( $(wc -l <<<"$stderr") == 1 )) || { echo "$stderr"; false; }
		[[ -z $output ]]
	done
	long=$(printf 'ipv4,%.0s' {1..100})ipv6
	run -64 --separate-stderr "$probe" --family "$long"
	(( $(wc -l <<<"$stderr") == 1 )) || { echo "$stderr"; false; }
	run -64 --separate-stderr "$probe" --meta extra
	run -64 --separate-stderr "$probe" --bogus
	(( $(wc -l <<<"$stderr") == 1 )) || { echo "$stderr"; false; }
}

@test "STRICT is 0 or 1; anything else is refused before anything runs" {
	for value in yes 2 true; do
		run -64 --separate-stderr check_env STRICT="$value"
		[[ $stderr == "udpconform: STRICT='$value': use STRICT=1 (known divergences fail the run) or STRICT=0" ]]
		[[ ! -e $TMP/results/$(uname -r) ]]
	done
}

@test "a full disk is one line and status 73, and no half-written results" {
	mkdir "$TMP/full"
	# A 64 KiB file system of its own, in a mount namespace that dies with the command.
	# shellcheck disable=SC2016 # expanded by the inner sh
	run -73 --separate-stderr unshare --mount --propagation private sh -c \
		'mount -t tmpfs -o size=64k tmpfs "$1" && BUILD=$2 RESULTS=$1 exec scripts/check' sh "$TMP/full" "$SMALL"
	[[ $stderr == "udpconform: RESULTS=$TMP/full has "*" KiB free, a run needs 32768 KiB; free some space or set RESULTS elsewhere" ]]
	# Room enough to start, not to finish: a probe's, bats' or the report's
	# write fails, whichever comes first, and the run says so once.
	# shellcheck disable=SC2016
	run -73 --separate-stderr unshare --mount --propagation private sh -c \
		'mount -t tmpfs -o size=64k tmpfs "$1" && UDPC_ROOM_KB=16 BUILD=$2 RESULTS=$1 exec scripts/check' sh "$TMP/full" "$SMALL"
	(( $(wc -l <<<"$stderr") == 1 )) || { echo "$stderr"; false; }
	[[ $stderr == "udpconform: cannot write results to "* ]]
}

@test "a second run on the same results folder is refused in one line naming the first one's PID" {
	small_build "$SMALL" udp.test.hang
	BUILD=$SMALL RESULTS=$TMP/results UDPC_PROBE_BOUND_S=30 scripts/check >"$TMP/first.log" 2>&1 &
	local first=$!
	# The first run holds the lock once it wrote its PID (an event, bounded).
	timeout 30 tail -n +1 -F "$TMP/results/.lock.pid" 2>/dev/null | head -n 1 >/dev/null
	run -75 --separate-stderr check
	[[ $stderr == "udpconform: another run (PID "*") is using $TMP/results; wait for it to end, or set RESULTS to another folder" ]]
	kill -TERM "$first"
	wait "$first" || true
}

@test "SIGINT or SIGTERM stops a run cleanly: marked interrupted, nothing mixed, nothing left" {
	local sig
	small_build "$SMALL" udp.send.sendto_port_zero_einval udp.test.hang
	run -0 env BUILD="$SMALL" RESULTS="$TMP/results" RULES=udp.send.sendto_port_zero_einval scripts/check
	for sig in INT TERM; do
		# A background job of a script starts with SIGINT ignored; a
		# terminal's Ctrl-C reaches a foreground one that does not.
		BUILD=$SMALL RESULTS=$TMP/results UDPC_RUNNER=direct UDPC_JOBS=1 \
			env --default-signal=INT scripts/check >"$TMP/log" 2>&1 &
		local pid=$!
		run_wait_progress "$TMP/results" 1
		kill -"$sig" "$pid"
		local status=0
		wait "$pid" || status=$?
		(( status == 130 || status == 143 ))
		grep -q "udpconform: run interrupted by SIG$sig" "$TMP/log"
		[[ $(jq -r .run.interrupted.signal "$TMP/results/$(uname -r)/results.json") == "SIG$sig" ]]
		[[ $(jq -r .complete "$TMP/results/$(uname -r)/results.json") == false ]]
		# The folder is this run's alone: its date is the run.json's.
		[[ $(jq -r .run.selection.ids[1] "$TMP/results/$(uname -r)/results.json") == udp.test.hang ]]
		[[ $(head -1 "$UDPC_REPORT") == *"(INCOMPLETE RUN)" ]]
		[[ -z $(ps -o pid=,stat= -s "$pid" | awk '$2 !~ /^Z/') ]]
	done
}

@test "a broken folder under results/ is named in one warning and left out; the run is still reported" {
	mkdir -p "$TMP/results/9.9.9-broken"
	echo '{"schema": 2' >"$TMP/results/9.9.9-broken/run.json"
	run -0 --separate-stderr check
	[[ $stderr == *"report: warning: $TMP/results/9.9.9-broken"*"left out of the comparison"* ]]
	(( $(grep -c 'left out of the comparison' <<<"$stderr") == 1 ))
	[[ $(head -1 "$UDPC_REPORT") == "# udpconform report: Linux $(uname -r)" ]]
}

@test "a run leaves no file outside its build and results folders, the checkout root included" {
	local before after
	mkdir "$TMP/caller-tmp"
	before=$(git status --porcelain --ignored=no | sort)
	run -0 env TMPDIR="$TMP/caller-tmp" BUILD="$SMALL" RESULTS="$TMP/results" scripts/check
	after=$(git status --porcelain --ignored=no | sort)
	[[ $before == "$after" ]] || { diff <(echo "$before") <(echo "$after"); return 1; }
	# Every temporary file went to the build's TMPDIR, and is gone.
	[[ -z $(find "$TMP/caller-tmp" "$SMALL/tmp" -mindepth 1 -print -quit) ]]
}

@test "scripts/check returns the documented statuses: 0, 64, 66, 73, 75 and 1" {
	run -0 check
	run -64 check_env FAMILIES=ipv7
	run -66 check_env RULES=udp.nosuch.rule
	run -73 check_env RESULTS=/proc/udpc
	run -64 check_env STRICT=x
}
