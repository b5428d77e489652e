# Loaded by every cases/*.bats file: runs one rule's probe and turns its exit
# status into the bats outcome.  The probe itself writes the verdicts (KTAP
# on stdout, one JSON record per family to $UDPC_JSONL); scripts/report reads
# those, never bats' output.
# shellcheck shell=bash
# shellcheck disable=SC2154 # status and output are set by bats' run
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

: "${UDPC_BUILD:=build}"
: "${UDPC_JSONL:=/dev/null}"
# How long one probe may run in all; each family has its own, shorter bound
# inside the probe (RULE_BOUND_S), so this only catches a stuck probe.
: "${UDPC_PROBE_BOUND_S:=60}"

# rule ID: runs the probe for rule ID (udp.<topic>.<claim> is
# cases/<topic>/<claim>.c) for every family it applies to.
rule() {
	local id=$1 topic claim bin pattern selected=
	topic=${id#udp.}
	topic=${topic%%.*}
	claim=${id##*.}
	bin="$UDPC_BUILD/cases/$topic/$claim"

	if [[ -n ${UDPC_RULES:-} ]]; then
		for pattern in $UDPC_RULES; do
			# shellcheck disable=SC2053 # the pattern is a glob on purpose
			[[ $id == $pattern ]] && selected=1
		done
		[[ -n $selected ]] || skip "not selected by RULES=$UDPC_RULES"
	fi
	[[ -x $bin ]] || fail "$id: no probe at $bin; run make first"

	run --separate-stderr timeout --kill-after=5 "$UDPC_PROBE_BOUND_S" \
		"$bin" --json "$UDPC_JSONL" ${UDPC_FAMILIES:+--family "$UDPC_FAMILIES"}
	case $status in
	0) ;;                                      # every family PASS or SKIP
	3) echo "# $id: known divergence, see REPORT.md" >&3 ;;
	4) skip "$(sed -n 's/.* # SKIP //p' <<<"$output" | sort -u | paste -sd ';' -)" ;;
	1 | 2) assert_success ;;                   # FAIL or ERROR: show the KTAP
	*) rule_lost "$id" "$bin" "probe died (exit $status) before reporting every family"
	   assert_success ;;
	esac
}

# A probe that was killed as a whole (the outer bound, a crash of the parent)
# wrote no record for the families it had not finished: record one ERROR so
# the report shows the rule instead of losing it.
rule_lost() {
	local id=$1 bin=$2 reason=$3
	"$bin" --meta | jq -c --arg reason "$reason" --arg kernel "$(uname -r)" \
		'. + {schema: 1, family: "all", verdict: "ERROR", known: false,
		      reason: $reason, checks: [], transcript: [], notes: [],
		      kernel: $kernel, duration_ms: 0}' >>"$UDPC_JSONL"
}
