# SPDX-License-Identifier: GPL-2.0-only
# What scripts/check is given, validated before anything runs: each problem
# is one line saying what is wrong and what to do, and a status of its own.
# Also the run's lock and its session.
# shellcheck shell=bash

readonly UDPC_FAMILY_NAMES=(ipv4 ipv6 mapped)
# Room a full run needs in the results and build folders (records, KTAP,
# report), with a margin (UDPC_ROOM_KB; the tests lower it): checked first,
# so a full disk is one line, not a
# half-written results file.
: "${UDPC_ROOM_KB:=32768}"

input_fail() {
	local status=$1
	shift
	echo "udpconform: $*" >&2
	exit "$status"
}

# input_families: FAMILIES as a comma list in canonical order (all if unset).
input_families() {
	local raw=${FAMILIES:-} f known out=()
	# Empty is unset (make passes every variable, set or not): all families.
	if [[ -z $raw ]]; then
		FAMILIES=ipv4,ipv6,mapped
		export FAMILIES
		return
	fi
	local -a given
	read -ra given <<<"${raw//,/ }"
	(( ${#given[@]} )) || input_fail 64 "FAMILIES='$raw' names no family: use ipv4, ipv6 or mapped, comma- or space-separated"
	for f in "${given[@]}"; do
		[[ " ${UDPC_FAMILY_NAMES[*]} " == *" $f "* ]] ||
			input_fail 64 "unknown family '$f' in FAMILIES=$raw: use ipv4, ipv6 or mapped, comma- or space-separated"
	done
	for known in "${UDPC_FAMILY_NAMES[@]}"; do
		[[ " ${given[*]} " == *" $known "* ]] && out+=("$known")
	done
	FAMILIES=$(IFS=,; echo "${out[*]}")
	export FAMILIES
}

input_strict() {
	case ${STRICT:-0} in
	0 | 1) STRICT=${STRICT:-0} ;;
	*) input_fail 64 "STRICT='$STRICT': use STRICT=1 (known divergences fail the run) or STRICT=0" ;;
	esac
	export STRICT
}

# input_folder NAME VALUE: a folder we can create, write and fill.
input_folder() {
	local name=$1 dir=$2 avail
	[[ -n $dir ]] || input_fail 73 "$name is set but empty: give a folder to write to"
	if ! mkdir -p "$dir" 2>/dev/null || [[ ! -w $dir ]] || ! touch "$dir/.udpc-write-test" 2>/dev/null; then
		input_fail 73 "cannot write to $name=$dir; set $name to a writable folder"
	fi
	rm -f "$dir/.udpc-write-test"
	avail=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
	(( avail >= UDPC_ROOM_KB )) ||
		input_fail 73 "$name=$dir has ${avail} KiB free, a run needs $UDPC_ROOM_KB KiB; free some space or set $name elsewhere"
}

# input_build: BUILD, which need only be readable (an installed tree's is
# not writable), with its rules index.
input_build() {
	BUILD=${BUILD-build}
	[[ -n $BUILD ]] || input_fail 73 "BUILD is set but empty: give the folder the probes were built in"
	[[ -f $BUILD/rules.tsv ]] || input_fail 66 "no rules index at $BUILD/rules.tsv: build first (make all)"
	BUILD_ABS=$(cd "$BUILD" && pwd)
	export BUILD BUILD_ABS
}

# input_folders: RESULTS and the temporary folder, writable with room.
input_folders() {
	RESULTS=${RESULTS-results}
	input_folder RESULTS "$RESULTS"
	[[ -z ${UDPC_TMPDIR:-} ]] || input_folder UDPC_TMPDIR "$UDPC_TMPDIR"
	export RESULTS
}

# input_rules: each pattern (a glob on rule ids, never expanded against
# files) must select at least one rule.
input_rules() {
	local -a patterns ids
	local pattern id
	read -ra patterns <<<"${RULES:-}"
	mapfile -t ids < <(cut -f1 "$BUILD/rules.tsv")
	for pattern in "${patterns[@]}"; do
		for id in "${ids[@]}"; do
			# shellcheck disable=SC2053 # the pattern is a glob on purpose
			[[ $id == $pattern ]] && continue 2
		done
		input_fail 66 "RULES pattern '$pattern' matches no rule: ids are udp.<topic>.<claim> (cases/<topic>/<claim>.c), e.g. RULES='udp.errors.*'"
	done
	export RULES=${RULES:-}
}

# run_lock DIR: one run per results folder.  The lock is held by every
# process of the run (they inherit the descriptor), so it is free again
# only when the last of them is gone.
run_lock() {
	local dir=$1 other
	exec 9>>"$dir/.lock"
	if ! flock -n 9; then
		other=$(cat "$dir/.lock.pid" 2>/dev/null || echo unknown)
		input_fail 75 "another run (PID $other) is using $dir; wait for it to end, or set RESULTS to another folder"
	fi
	echo $$ >"$dir/.lock.pid"
}

# session_alive DIR: every process of the run inherits a shared lock on
# DIR/.alive; when the last of them is gone the lock is free.  That is the
# event session_kill waits for, with one bound, instead of sleeping.
readonly UDPC_STOP_BOUND_S=10
session_alive() {
	exec 8>>"$1/.alive"
	flock -s 8
}

# session_kill DIR: every other process of this run's session, TERM, then
# KILL for what is still there after UDPC_STOP_BOUND_S.
session_kill() {
	local dir=$1
	exec 8>&-
	pkill -TERM -s $$ 2>/dev/null || true
	flock -x -w "$UDPC_STOP_BOUND_S" "$dir/.alive" true && return 0
	pgrep -s $$ | grep -vx "$$" | xargs -r kill -KILL 2>/dev/null || true
}
