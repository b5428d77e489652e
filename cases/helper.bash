# Loaded by every cases/*.bats file: runs one rule's probe and turns its exit
# status into the bats outcome.  The probe itself writes the verdicts (KTAP
# on stdout, one JSON record per family to $UDPC_JSONL); scripts/report reads
# those, never bats' output.
# shellcheck shell=bash
# shellcheck disable=SC2154 # status and output are set by bats' run
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

load probe

# rule ID: runs the probe for rule ID for every family it applies to.
rule() {
	local id=$1 bin
	bin=$(probe_path "$id")
	probe_selected "$id" || skip "not selected by RULES=$UDPC_RULES"
	[[ -x $bin ]] || fail "$id: no probe at $bin; run make first"

	run --separate-stderr probe_run "$bin"
	case $status in
	0) ;;                                      # every family PASS, XFAIL, XPASS or SKIP
	4) skip "$(sed -n 's/.* # SKIP //p' <<<"$output" | sort -u | paste -sd ';' -)" ;;
	1) assert_success ;;                       # FAIL, ERROR or TIMEOUT: show the KTAP
	*) probe_lost "$id" "$bin" "probe died (exit $status) before reporting every family"
	   assert_success ;;
	esac
}
