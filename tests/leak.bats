#!/usr/bin/env bats
# What the suite leaves behind in the caller's machine: nothing, whether a
# probe or the whole suite ends normally or is killed with SIGKILL.
#
# The suite is killed at points chosen by a seeded random generator
# (UDPC_LEAK_SEED, default 1: the same points every run) and reached by
# events, never by a sleep: when its results file reaches k records (a
# probe is then in the middle of its families), or when run.json appears
# (bats is done, the report is being written).
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
	# Results of the runs killed here stay in the build folder.
	export LEAK_RESULTS=$PWD/$BUILD/leak
	LEAK_JSONL=$LEAK_RESULTS/$(uname -r)/results.jsonl
	export LEAK_JSONL
	# One rule of each topology: every kind of namespace set gets killed.
	local bin topology
	declare -A taken=()
	LEAK_RULES=
	for bin in "$BUILD"/cases/*/*; do
		topology=$("$bin" --meta | jq -r .topology)
		[[ -z ${taken[$topology]:-} ]] || continue
		taken[$topology]=1
		LEAK_RULES+="$("$bin" --meta | jq -r .id) "
	done
	export LEAK_RULES
	# scripts/check rewrites REPORT.md by design; keep the caller's.
	cp REPORT.md "$BATS_FILE_TMPDIR/REPORT.md"
}

teardown_file() {
	cp "$BATS_FILE_TMPDIR/REPORT.md" REPORT.md
}

setup() {
	load leak
	TMP=$BATS_TEST_TMPDIR # bats' own folder, left out of the snapshots
}

# The caller's state that must be the same after each run, killed or not.
state_snapshot() {
	netns_snapshot
	sysctl_snapshot
}

# suite_kill EVENT K [RULES]: starts scripts/check in a process group of
# its own, waits for the event (k-th record, or run.json), kills the group
# with SIGKILL, then checks that no process is left and the state is back.
suite_kill() {
	local event=$1 k=$2 rules=${3:-} watched pid fd tail i left
	# How long one event may take to come; the suite would be stuck.
	local event_bound_s=30 exit_bound_s=10
	mkdir -p "$(dirname "$LEAK_JSONL")"
	watched=$LEAK_JSONL
	[[ $event == run.json ]] && watched=$(dirname "$LEAK_JSONL")/run.json
	# An existing file, so that tail follows it with inotify from the start.
	: >"$watched"
	exec {fd}< <(exec timeout $((event_bound_s + 5)) tail -n +1 -F "$watched" 2>/dev/null)
	tail=$!
	RESULTS=$LEAK_RESULTS RULES=$rules setsid scripts/check >"$TMP/check.log" 2>&1 &
	pid=$!
	for ((i = 0; i < k; i++)); do
		read -r -t "$event_bound_s" -u "$fd" _ ||
			{ echo "kill $event=$k: no event $((i + 1)) within $event_bound_s s"; return 1; }
	done
	[[ $(ps -o pgid= -p "$pid" | tr -d ' ') == "$pid" ]] || { echo "scripts/check is not a group leader"; return 1; }
	kill -KILL -- "-$pid"
	wait "$pid" || true
	kill "$tail"
	exec {fd}<&-
	# The group died at once; probes follow their launcher (PR_SET_PDEATHSIG).
	# shellcheck disable=SC2046 # one pid per word
	procs_wait_exit "$exit_bound_s" $(procs_live "$pid") ||
		{ echo "kill $event=$k: processes still alive after $exit_bound_s s:"; ps -o pid,pgid,args -p "$(procs_live "$pid" | paste -sd,)"; return 1; }
	left=$(procs_live "$pid")
	[[ -z $left ]] || { echo "kill $event=$k: left running: $left"; return 1; }
	echo "kill $event=$k${rules:+ (restricted)}: $(wc -l <"$LEAK_JSONL") records written"
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
	local before after files_before files_after full n
	RANDOM=${UDPC_LEAK_SEED:-1}
	before=$(state_snapshot)
	files_before=$(files_snapshot)
	n=$(( $(wc -w <<<"$LEAK_RULES") * 3 )) # records of a restricted run
	full=$(( $(find "$BUILD/cases" -type f -perm -u+x | wc -l) * 3 ))
	for ((i = 0; i < 20; i++)); do
		suite_kill records $((1 + RANDOM % n)) "$LEAK_RULES"
		after=$(state_snapshot)
		snapshots_same "$before" "$after"
	done
	suite_kill records $((1 + RANDOM % full))
	suite_kill run.json 1 "$LEAK_RULES"
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
