#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# What the suite leaves behind in the caller's machine: nothing, whether a
# probe or the whole suite ends normally or is killed with SIGKILL.  Only
# what a run could have created is compared (the caller's links, addresses,
# routes and sysctls, namespaces held by this checkout's processes, files in
# the build's TMPDIR and the checkout), so it is right on a shared host
# where other programs create and delete named namespaces meanwhile.
#
# The suite is killed at points chosen by a seeded random generator
# (UDPC_LEAK_SEED, default 1: the same points every run) and reached by
# events, never by a sleep: when k rules are done (the run's progress file),
# k = the number selected meaning while the documents are being written.
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
	# Results of the runs killed here stay in the build folder.
	export LEAK_RESULTS=$PWD/$BUILD/leak
	export UDPC_REPORT=$BATS_FILE_TMPDIR/REPORT.md
	# One rule of each topology: every kind of namespace set gets killed.
	local id path topology
	declare -A taken=()
	LEAK_RULES=
	while IFS=$'\t' read -r id path _; do
		topology=$("$BUILD/$path" --meta | jq -r .topology)
		[[ -z ${taken[$topology]:-} ]] || continue
		taken[$topology]=1
		LEAK_RULES+="$id "
	done <"$BUILD/rules.tsv"
	export LEAK_RULES
}

setup() {
	load leak
	load run
	TMP=$BATS_TEST_TMPDIR # bats' own folder, left out of the snapshots
}

# The caller's state that must be the same after each run, killed or not.
state_snapshot() {
	netns_snapshot
	sysctl_snapshot
	netns_ours
}

# suite_kill K [RULES]: starts scripts/check, waits until K rules are done
# (an event: the run's progress file), kills the run's whole session with
# SIGKILL, then checks that no process is left and the state is back.  A
# run killed outright leaves results/.run, which the next run removes; the
# results folder keeps the last run that ended.
suite_kill() {
	local k=$1 rules=${2:-} pid sid left exit_bound_s=10
	# What the last killed run left must not pass for this run's events.
	rm -rf "$LEAK_RESULTS/.run" "$LEAK_RESULTS/.lock.pid"
	RESULTS=$LEAK_RESULTS RULES=$rules scripts/check >"$TMP/check.log" 2>&1 &
	pid=$!
	run_wait_progress "$LEAK_RESULTS" "$k" || { echo "kill at $k: no event within the bound"; return 1; }
	sid=$(cat "$LEAK_RESULTS/.lock.pid")
	# A run that already ended (the kill came after its last rule) has
	# nothing left to kill: that point is checked all the same.
	kill -KILL -- "-$sid" 2>/dev/null || true
	wait "$pid" || true
	# The session died at once; probes follow their launcher (PR_SET_PDEATHSIG).
	# shellcheck disable=SC2046 # one pid per word
	procs_wait_exit "$exit_bound_s" $(procs_live "$sid") ||
		{ echo "kill at $k: processes still alive after $exit_bound_s s:"; ps -o pid,pgid,args -p "$(procs_live "$sid" | paste -sd,)"; return 1; }
	left=$(procs_live "$sid")
	[[ -z $left ]] || { echo "kill at $k: left running: $left"; return 1; }
	echo "kill at $k${rules:+ (restricted)}: $(cat "$LEAK_RESULTS"/.run/probes/*.jsonl 2>/dev/null | wc -l) records written"
}

@test "a full run of the suite leaves the caller's namespace, sysctls, processes and files as they were" {
	local before after files_before files_after status=0
	before=$(state_snapshot)
	files_before=$(files_snapshot)
	# Verdicts (status 1: some FAIL or ERROR) are the suite's business here.
	RESULTS=$LEAK_RESULTS scripts/check >"$TMP/check.log" 2>&1 || status=$?
	(( status <= 1 )) || { cat "$TMP/check.log"; return 1; }
	after=$(state_snapshot)
	files_after=$(files_snapshot)
	snapshots_same "$before" "$after"
	snapshots_same "$files_before" "$files_after"
	[[ -z $(procs_live none) ]]
}

@test "the suite killed with SIGKILL at 22 points leaves nothing behind" {
	local before after files_before files_after n full
	RANDOM=${UDPC_LEAK_SEED:-1}
	before=$(state_snapshot)
	files_before=$(files_snapshot)
	n=$(wc -w <<<"$LEAK_RULES")
	full=$(wc -l <"$BUILD/rules.tsv")
	for ((i = 0; i < 20; i++)); do
		suite_kill $((RANDOM % n)) "$LEAK_RULES"
		after=$(state_snapshot)
		snapshots_same "$before" "$after"
	done
	suite_kill $((RANDOM % full))
	suite_kill "$n" "$LEAK_RULES"
	after=$(state_snapshot)
	files_after=$(files_snapshot)
	snapshots_same "$before" "$after"
	snapshots_same "$files_before" "$files_after"
}

@test "a probe killed with SIGKILL leaves no namespace, link, address, route or process behind" {
	local before after probe child
	before=$(state_snapshot)
	mkfifo "$TMP/ready"
	UDPC_TEST_READY=$TMP/ready "$BUILD/tests/probes/hang" --timeout 60 --family ipv4 >/dev/null &
	probe=$!
	# The hung child writes its pid right before it blocks, inside its
	# namespaces: the read returns exactly when there is something to leak.
	read -r child <"$TMP/ready"
	[[ $(readlink "/proc/$child/ns/net") != "$(readlink /proc/self/ns/net)" ]]
	kill -KILL "$probe"
	wait "$probe" || true
	# The child dies by PR_SET_PDEATHSIG; wait for it, bounded.
	procs_wait_exit 10 "$child"
	after=$(state_snapshot)
	snapshots_same "$before" "$after"
	run ! pgrep -f "$BUILD/tests/probes/hang"
}

# lab_kill WHICH: starts the lab (make lab's program), waits until its shell
# has run something in the background on two hosts, kills the lab's
# launcher, its host (the namespaces' holder), its PID namespace's init or
# its shell with SIGKILL, and checks that every process of the lab is gone
# (each dies by PR_SET_PDEATHSIG or with its PID namespace).
lab_kill() {
	local which=$1 lab host init shell victim exit_bound_s=10 line
	mkfifo "$TMP/in.$which" "$TMP/ready.$which"
	scripts/lab --topo link <"$TMP/in.$which" >"$TMP/lab.$which.log" 2>&1 3>&- &
	lab=$!
	exec {keys}>"$TMP/in.$which"
	echo "lab-server echo-server 7000 >/dev/null & lab-stranger udpc 'bind any 7000; recv' >/dev/null & echo up >$TMP/ready.$which" >&"$keys"
	read -r -t "$exit_bound_s" line <"$TMP/ready.$which" || { echo "kill $which: the lab's shell did not start"; cat "$TMP/lab.$which.log"; return 1; }
	[[ $line == up ]]
	host=$(pgrep -P "$lab")
	init=$(pgrep -P "$host")
	shell=$(pgrep -P "$init")
	case $which in
	launcher) victim=$lab ;;
	host) victim=$host ;;
	init) victim=$init ;;
	shell) victim=$shell ;;
	esac
	[[ -n $victim ]] || { echo "kill $which: no such process of the lab"; return 1; }
	kill -KILL "$victim"
	# shellcheck disable=SC2046 # one pid per word
	procs_wait_exit "$exit_bound_s" $(procs_live none) ||
		{ echo "kill $which: the lab's processes still alive after $exit_bound_s s:"; ps -o pid,args -p "$(procs_live none | paste -sd,)"; return 1; }
	exec {keys}>&-
	wait "$lab" || true
	[[ -z $(procs_live none) ]]
}

@test "the lab killed with SIGKILL (launcher, host, init or shell) leaves no namespace, process or mount behind" {
	[[ -x $BUILD/lab/lab ]] || skip "the lab is not built (make)"
	local before after which
	before=$(state_snapshot; cut -d' ' -f5- /proc/self/mountinfo | sort)
	for which in launcher host init shell; do
		lab_kill "$which"
		after=$(state_snapshot; cut -d' ' -f5- /proc/self/mountinfo | sort)
		snapshots_same "$before" "$after"
	done
}
