# SPDX-License-Identifier: GPL-2.0-only
# Running one rule's probe, shared by cases/helper.bash (bats, `make check`)
# and scripts/suite's direct runner, so that both select, bound and record
# a rule the same way.  A probe writes its own records and KTAP; this file
# only says where they go: $UDPC_RUN/probes/<rule id>.{jsonl,ktap,err}.
# shellcheck shell=bash

: "${UDPC_BUILD:=build}"
# How long one probe may run in all; each family has its own, shorter bound
# inside the probe, so this only catches a stuck probe.
: "${UDPC_PROBE_BOUND_S:=60}"

declare -gA UDPC_PROBES=()

# probe_index: reads $UDPC_BUILD/rules.tsv (make writes it: the one map from
# rule id to probe) into UDPC_PROBES.
probe_index() {
	local id path
	while IFS=$'\t' read -r id path _; do
		UDPC_PROBES[$id]=$UDPC_BUILD/$path
	done <"$UDPC_BUILD/rules.tsv"
}

# probe_ids: every rule id, in the index's order.
probe_ids() {
	cut -f1 "$UDPC_BUILD/rules.tsv"
}

# probe_selected ID: true if UDPC_RULES (globs on rule ids, never on file
# names: read -a does no pathname expansion) selects rule ID.
probe_selected() {
	local id=$1 pattern patterns
	[[ -z ${UDPC_RULES:-} ]] && return 0
	read -ra patterns <<<"$UDPC_RULES"
	for pattern in "${patterns[@]}"; do
		# shellcheck disable=SC2053 # the pattern is a glob on purpose
		[[ $id == $pattern ]] && return 0
	done
	return 1
}

# probe_run ID CPU: runs rule ID's probe for the selected families, pinned to
# CPU.  Exit: the probe's own (0 pass, 1 fail, 4 all skipped, 73 could not
# write its records), else it died or was killed at UDPC_PROBE_BOUND_S.
# --foreground keeps timeout and the probe in the run's process group, so
# killing the group kills them at once; the probe's family children die
# with it (PR_SET_PDEATHSIG).
probe_run() {
	local id=$1 cpu=$2 out=$UDPC_RUN/probes/$1
	timeout --foreground --kill-after=5 "$UDPC_PROBE_BOUND_S" \
		"${UDPC_PROBES[$id]}" --json "$out.jsonl" --family "$UDPC_FAMILIES" --cpu "$cpu" \
		${UDPC_STRICT:+--strict} >"$out.ktap" 2>"$out.err"
}

# probe_lost ID STATUS: a probe that died as a whole (the outer bound, a crash
# of its parent) may have recorded only some families.  Its records and KTAP
# are replaced by the probe's own --lost report: ERROR for every selected
# family, so the rule is neither lost nor half-reported.
probe_lost() {
	local id=$1 status=$2 out=$UDPC_RUN/probes/$1
	mv -f "$out.ktap" "$out.ktap.died"
	rm -f "$out.jsonl"
	"${UDPC_PROBES[$id]}" --json "$out.jsonl" --family "$UDPC_FAMILIES" \
		--lost "probe died (exit $status) before reporting every family" >"$out.ktap" 2>>"$out.err"
}

# probe_pool ID...: runs the rules' probes, UDPC_JOBS at a time, pinned
# round-robin to the CPUs, each writing probes/<id>.status when it ends.
# Before the first probe starts it takes an exclusive lock on
# probes/<id>.lock for every rule and releases each as that probe ends:
# probe_wait (a bats @test) waits on that event.  Then it says "ready" on
# fd 3 (probe_pool_start; the direct runner gives it /dev/null).  The pool itself holds
# probes/.pool.lock until every probe has ended.
probe_pool() {
	local id n=0 fd
	local -A locks=()
	exec {fd}>"$UDPC_RUN/probes/.pool.lock"
	flock -x "$fd"
	for id in "$@"; do
		exec {fd}>"$UDPC_RUN/probes/$id.lock"
		flock -x "$fd"
		locks[$id]=$fd
	done
	echo ready >&3
	exec 3>&-
	for id in "$@"; do
		(( n >= UDPC_JOBS )) && wait -n
		probe_one "$id" $((n % UDPC_CPUS)) "${locks[$id]}" &
		n=$((n + 1))
	done
	wait
}

# probe_one ID CPU LOCK_FD: one probe of the pool, start to end.
probe_one() {
	local id=$1 status=0
	probe_run "$id" "$2" || status=$?
	probe_reported "$status" || probe_lost "$id" "$status"
	echo "$status" >"$UDPC_RUN/probes/$id.status"
	probe_done "$id" "$status"
	flock -u "$3"
}

# probe_pool_start ID...: probe_pool in the background, returning once it
# holds every rule's lock (so a probe_wait cannot come too early): the pool
# says so through a FIFO, whose read also returns if the pool died first.
probe_pool_start() {
	local fifo=$UDPC_RUN/probes/.ready
	mkfifo "$fifo"
	probe_index
	probe_pool "$@" 3>"$fifo" </dev/null >/dev/null 2>&1 &
	read -r _ <"$fifo" || true
	rm -f "$fifo"
}

# probe_pool_wait: returns when every probe of the pool has ended.
probe_pool_wait() {
	flock -s -w $((UDPC_PROBE_BOUND_S + 10)) "$UDPC_RUN/probes/.pool.lock" true 2>/dev/null || true
}

# probe_wait ID: the exit status of rule ID's probe, once it has ended (at
# most UDPC_PROBE_BOUND_S and then some); "lost" if the pool never ran it.
probe_wait() {
	flock -s -w $((UDPC_PROBE_BOUND_S + 10)) "$UDPC_RUN/probes/$1.lock" true 2>/dev/null || true
	cat "$UDPC_RUN/probes/$1.status" 2>/dev/null || echo lost
}

# probe_records RUN: RUN/results.jsonl, the records of RUN/probes/ in the
# order of RUN/selection.txt (the runner only gathers; probes write them).
probe_records() {
	local id
	while read -r id; do
		[[ ! -f $1/probes/$id.jsonl ]] || cat "$1/probes/$id.jsonl"
	done <"$1/selection.txt" >"$1/results.jsonl"
}

# probe_done ID STATUS: one line in the run's progress file per rule done
# (what the leak tests follow), and one TAP line on stdout (what the direct
# runner's progress line reads; the bats runner's pool sends it nowhere).
probe_done() {
	echo "$1 $2" >>"$UDPC_RUN/progress"
	if probe_passed "$2"; then echo "ok - $1"; else echo "not ok - $1 # exit $2"; fi
}

# probe_passed STATUS: true if the probe's exit says no family failed the
# run (kselftest's 0, or 4: every family skipped).
probe_passed() {
	(( $1 == 0 || $1 == 4 ))
}

# probe_reported STATUS: true if the probe ended on its own, having written
# a record for every family, or could not write them (73: the run stops).
probe_reported() {
	(( $1 <= 1 || $1 == 4 || $1 == 73 ))
}
