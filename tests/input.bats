#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
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
	[[ ! -e $TMP/results/$(uname -r) ]]
}

@test "an unknown family in FAMILIES is refused in one line with status 64" {
	run -64 --separate-stderr env FAMILIES=ipv4,ipv5 RESULTS="$TMP/results" scripts/check
	[[ $stderr == "udpconform: unknown family 'ipv5' in FAMILIES=ipv4,ipv5: use ipv4, ipv6 or mapped, comma- or space-separated" ]]
	[[ -z $output ]]
	[[ ! -e $TMP/results ]]
}

@test "a probe given an unknown family says so in one line and exits 64" {
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --family ipv5
	[[ $stderr == "udp.test.hang: unknown family 'ipv5': use ipv4, ipv6 or mapped (see --help)" ]]
	[[ -z $output ]]
}

@test "a rule that declares an unknown topology is ERROR, with the reason, and nothing else runs" {
	run -1 "$BUILD/tests/probes/unknown_topology" --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 ipv4 # ERROR rule udp.test.unknown_topology declares unknown topology 42: use TOPO_LOOPBACK, TOPO_PAIR, TOPO_LINK, TOPO_ROUTED or TOPO_TWO_LINKS (harness/udpc.h)"* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .topology, (.transcript | length)] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ERROR\tunknown\t0' ]]
}

@test "a RESULTS path under a file is refused in one line with status 73" {
	touch "$TMP/file"
	run -73 --separate-stderr env RESULTS="$TMP/file/results" scripts/check
	[[ $stderr == "udpconform: cannot write to RESULTS=$TMP/file/results; set RESULTS to a writable folder" ]]
	[[ -z $output ]]
}

@test "a results folder that exists but cannot be written is refused in one line with status 73" {
	mkdir -p "$TMP/results/$(uname -r)"
	# Root may write anywhere but on a read-only mount: one of its own, in a
	# mount namespace of its own that dies with the command.
	# shellcheck disable=SC2016 # expanded by the inner sh
	run -73 --separate-stderr unshare --mount --propagation private sh -c \
		'mount --bind -o ro "$1" "$1" && RESULTS=$1 exec scripts/check' sh "$TMP/results"
	[[ $stderr == "udpconform: cannot write to RESULTS=$TMP/results; set RESULTS to a writable folder" ]]
	[[ -z $output ]]
}

@test "a probe refuses an empty, comma-only, over-long or spaced-wrong family list in one line, 64" {
	local list
	for list in "" "," "ipv4,,ipv6" "ipv4," " ipv4" "$(printf 'ipv4,%.0s' {1..20})ipv4"; do
		run -64 --separate-stderr "$BUILD/tests/probes/hang" --family "$list"
		[[ $stderr == "udp.test.hang: --family "*"(see --help)" ]]
		[[ ${#stderr_lines[@]} == 1 ]]
		[[ -z $output ]]
	done
}

@test "a probe takes families comma- or space-separated" {
	run -0 --separate-stderr "$BUILD/tests/probes/known_pass" --family "ipv6 mapped"
	[[ $output == *$'1..2\n'* ]]
	run -0 --separate-stderr "$BUILD/tests/probes/known_pass" --family "ipv6, mapped"
	[[ $output == *$'1..2\n'* ]]
}

@test "a bad option, a missing argument or a trailing argument is one line and 64" {
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --bogus
	[[ $stderr == "udp.test.hang: unknown option or missing argument: --bogus (see --help)" ]]
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --family
	[[ ${#stderr_lines[@]} == 1 ]]
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --meta extra
	[[ $stderr == "udp.test.hang: unexpected argument 'extra' (see --help)" ]]
	[[ -z $output ]]
	run -64 --separate-stderr "$BUILD/tests/probes/hang" --cpu 100000
	[[ ${#stderr_lines[@]} == 1 ]]
}
