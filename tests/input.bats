#!/usr/bin/env bats
# Bad input: each gets one line saying what is wrong and what to do, and an
# exit status of its own, before anything runs.
# shellcheck disable=SC2154 # stderr is set by bats' run --separate-stderr
bats_require_minimum_version 1.5.0

setup() {
	export BUILD=${UDPC_BUILD:-build}
	TMP=$BATS_TEST_TMPDIR
}

@test "a RULES pattern that matches no rule is refused in one line with status 66" {
	run -66 --separate-stderr env RULES='udp.send.* udp.nosuch.*' RESULTS="$TMP/results" scripts/check
	[[ $stderr == "udpconform: RULES pattern 'udp.nosuch.*' matches no rule: ids are udp.<topic>.<claim> (cases/<topic>/<claim>.c), e.g. RULES='udp.errors.*'" ]]
	[[ -z $output ]]
	[[ ! -e $TMP/results ]]
}

@test "an unknown family in FAMILIES is refused in one line with status 64" {
	run -64 --separate-stderr env FAMILIES=ipv4,ipv5 RESULTS="$TMP/results" scripts/check
	[[ $stderr == "udpconform: unknown family 'ipv5' in FAMILIES=ipv4,ipv5: use ipv4, ipv6 or mapped, comma-separated" ]]
	[[ -z $output ]]
	[[ ! -e $TMP/results ]]
}

@test "a probe given an unknown family says so in one line and exits 64" {
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --family ipv5
	[[ $stderr == "test.harness.hang: unknown family 'ipv5': use ipv4, ipv6 or mapped (see --help)" ]]
	[[ -z $output ]]
}

@test "a rule that declares an unknown topology is ERROR, with the reason, and nothing else runs" {
	run -1 "$BUILD/tests/probes/unknown_topology" --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 ipv4 # ERROR rule test.harness.unknown_topology declares unknown topology 42: use TOPO_LOOPBACK, TOPO_LINK, TOPO_ROUTED or TOPO_TWO_LINKS (harness/udpc.h)"* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .topology, (.transcript | length)] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ERROR\tunknown\t0' ]]
}

@test "a RESULTS path under a file is refused in one line with status 73" {
	touch "$TMP/file"
	run -73 --separate-stderr env RESULTS="$TMP/file/results" scripts/check
	[[ $stderr == "udpconform: cannot write results to $TMP/file/results/$(uname -r); set RESULTS to a writable folder" ]]
	[[ -z $output ]]
}

@test "a results folder that exists but cannot be written is refused in one line with status 73" {
	mkdir -p "$TMP/results/$(uname -r)"
	# Root may write anywhere but on a read-only mount: one of its own, in a
	# mount namespace of its own that dies with the command.
	# shellcheck disable=SC2016 # expanded by the inner sh
	run -73 --separate-stderr unshare --mount --propagation private sh -c \
		'mount --bind -o ro "$1" "$1" && RESULTS=$1 exec scripts/check' sh "$TMP/results"
	[[ $stderr == "udpconform: cannot write results to $TMP/results/$(uname -r); set RESULTS to a writable folder" ]]
	[[ -z $output ]]
}
