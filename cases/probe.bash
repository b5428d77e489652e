# Running one rule's probe, shared by cases/helper.bash (bats, `make check`)
# and scripts/suite's direct runner (`make matrix` guests), so that both
# select, bound and record a rule the same way.
# shellcheck shell=bash

: "${UDPC_BUILD:=build}"
: "${UDPC_JSONL:=/dev/null}"
# How long one probe may run in all; each family has its own, shorter bound
# inside the probe (RULE_BOUND_S), so this only catches a stuck probe.
: "${UDPC_PROBE_BOUND_S:=60}"

# probe_path ID: the probe of rule ID (udp.<topic>.<claim> is
# cases/<topic>/<claim>.c).
probe_path() {
	local id=$1 topic
	topic=${id#udp.}
	topic=${topic%%.*}
	echo "$UDPC_BUILD/cases/$topic/${id##*.}"
}

# probe_selected ID: true if RULES (globs on rule ids) selects rule ID.
probe_selected() {
	local id=$1 pattern
	[[ -z ${UDPC_RULES:-} ]] && return 0
	for pattern in $UDPC_RULES; do
		# shellcheck disable=SC2053 # the pattern is a glob on purpose
		[[ $id == $pattern ]] && return 0
	done
	return 1
}

# probe_run BIN: runs the probe for every family it applies to; its KTAP on
# stdout, its records appended to UDPC_JSONL.  Exit: the probe's own (0 PASS
# or SKIP, 1 FAIL, 2 ERROR, 3 known divergence only, 4 all SKIP), else it
# died or was killed at UDPC_PROBE_BOUND_S.
# --foreground keeps timeout and the probe in the suite's process group, so a
# SIGKILL of the suite's group kills them at once, with nothing in between;
# the probe's family children die with it (PR_SET_PDEATHSIG).
probe_run() {
	timeout --foreground --kill-after=5 "$UDPC_PROBE_BOUND_S" \
		"$1" --json "$UDPC_JSONL" ${UDPC_FAMILIES:+--family "$UDPC_FAMILIES"}
}

# probe_lost ID BIN REASON: a probe that was killed as a whole (the outer
# bound, a crash of the parent) wrote no record for the families it had not
# finished: record one ERROR so the report shows the rule instead of losing it.
probe_lost() {
	local id=$1 bin=$2 reason=$3
	"$bin" --meta | jq -c --arg reason "$reason" --arg kernel "$(uname -r)" \
		'. + {schema: 1, family: "all", verdict: "ERROR", known: false,
		      reason: $reason, checks: [], transcript: [], notes: [],
		      kernel: $kernel, duration_ms: 0}' >>"$UDPC_JSONL"
}

# probe_reported STATUS: true if the probe ended on its own and so wrote a
# record for every family.
probe_reported() {
	(( $1 <= 4 ))
}
