#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The harness itself: verdicts it must give, and what it must leave behind.
# shellcheck disable=SC2154 # stderr is set by bats' run --separate-stderr
bats_require_minimum_version 1.5.0

setup() {
	BUILD=${UDPC_BUILD:-build}
	PROBES=$BUILD/tests/probes
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

@test "a deliberately wrong expectation yields FAIL with expected and observed, not PASS" {
	run -1 "$PROBES/wrong_expectation" --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 ipv4"* ]]
	[[ $output == *"FAIL send(client, \"ping\", 4, 0): expected -1 ENOTCONN"*"observed -1 EDESTADDRREQ"* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .checks[0].expected, .checks[0].observed] | @tsv' "$TMP/r.jsonl"
	[[ $output == "FAIL"*"ENOTCONN"*"EDESTADDRREQ"* ]]
}

@test "a hung family is killed at its bound and reported TIMEOUT with its last call, and the next family still runs" {
	run -1 "$PROBES/hang" --timeout 1 --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 ipv4 # TIMEOUT 1 s; last call: recv(server, ..., 16, 0)"* ]]
	[[ $output == *"ok 2 ipv6"* ]]
	# What it did before it hung is kept: the transcript up to the hung call.
	[[ $output == *$'# bind(server, 198.18.0.2:7000) = 0\nnot ok 1 ipv4'* ]]
	run jq -r '[.family, .verdict] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ipv4\tTIMEOUT\nipv6\tPASS\nmapped\tSKIP' ]]
	run jq -r 'select(.family == "ipv4") | .transcript[-1]' "$TMP/r.jsonl"
	[[ $output == "bind(server, 198.18.0.2:7000) = 0" ]]
}

@test "in a bats run, a hung rule is reported TIMEOUT with its last call and the next rule still runs" {
	load run
	# A build folder where udp.test.hang runs with a 1 s bound beside a real rule.
	small_build "$TMP/build" udp.test.hang udp.send.sendto_port_zero_einval
	printf '#!/bin/sh\nexec %q --timeout 1 "$@"\n' "$(realpath "$PROBES/hang")" >"$TMP/build/cases/test/hang.sh"
	chmod +x "$TMP/build/cases/test/hang.sh"
	mv "$TMP/build/cases/test/hang.sh" "$TMP/build/cases/test/hang"
	run -1 env BUILD="$TMP/build" RESULTS="$TMP/results" UDPC_REPORT="$TMP/R.md" scripts/check
	[[ $output == *"not ok 1 Blocks in recv() for ever"* || $output == *"not ok 1 "* ]]
	[[ $(cat "$TMP/results/$(uname -r)/probes/udp.test.hang.ktap") == *"# TIMEOUT 1 s; last call: recv(server, ..., 16, 0)"* ]]
	run jq -r '[.id, .family, .verdict] | @tsv' "$TMP/results/$(uname -r)/results.jsonl"
	[[ ${lines[0]} == $'udp.test.hang\tipv4\tTIMEOUT' ]]
	[[ ${lines[3]} == $'udp.send.sendto_port_zero_einval\tipv4\tPASS' ]]
	[[ ${#lines[@]} == 6 ]]
	grep -q '^ok 2 ' "$TMP/results/$(uname -r)/bats.tap"
}

# Without root a run is rootless (tests/rootless.bats); root without the
# capabilities (a container that dropped them) cannot run.
@test "without privileges, make check says what is missing in one line and exits 77" {
	run -77 --separate-stderr setpriv --bounding-set=-all --inh-caps=-all \
		scripts/check
	[[ $stderr == "udpconform: needs root (missing CAP_SYS_ADMIN CAP_NET_ADMIN) to create network namespaces; run: sudo make check" ]]
	[[ -z $output ]]
	run --separate-stderr setpriv --bounding-set=-all --inh-caps=-all \
		make --no-print-directory check
	[[ ${stderr_lines[0]} == "udpconform: needs root"*"run: sudo make check" ]]
	[[ $stderr == *"Error 77"* ]]
	[[ -z $output ]]
}

@test "every probe declares the id its path gives, and the bats file has one test per rule, titled with its sentence" {
	local path sentence
	# make refuses to write the index otherwise (mk/rules.mk); the index is complete.
	(( $(wc -l <"$BUILD/rules.tsv") == $(find cases -name '*.c' | wc -l) ))
	while IFS=$'\t' read -r _ path sentence; do
		[[ $("$BUILD/$path" --meta | jq -r .sentence) == "$sentence" ]]
	done <"$BUILD/rules.tsv"
}

@test "the harness's pure functions pass their unit tests (no root needed)" {
	run -0 "$BUILD/tests/unit/unit"
	[[ $output == *"# Totals: pass:"*" fail:0 "* ]]
	[[ $output != *"not ok"* ]]
}

@test "a rule killed by a signal is ERROR naming the signal and the last call" {
	run -1 "$PROBES/crash" --json "$TMP/r.jsonl"
	[[ $output == *'not ok 1 ipv4 # ERROR probe crashed: killed by ABRT; last call: send(client, "ping", 4, 0)'* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .fails_run] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ERROR\ttrue' ]]
}

@test "a rule that checks nothing is ERROR, never PASS" {
	run -1 "$PROBES/checks_nothing"
	[[ $output == *"not ok 1 ipv4 # ERROR the rule checked nothing: a rule that cannot fail is a defect"* ]]
}

@test "a failing must() is ERROR with the call, not FAIL" {
	run -1 "$PROBES/must_fails" --json "$TMP/r.jsonl"
	[[ $output == *'not ok 1 ipv4 # ERROR setup call failed: send(client, "ping", 4, 0) = -1 EDESTADDRREQ'* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, (.checks | length)] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ERROR\t0' ]]
}

@test "probe_skip() is SKIP with its reason, and a probe whose families all skip exits 4" {
	run -4 "$PROBES/skips"
	[[ ${lines[3]} == "ok 1 ipv4 # SKIP not applicable here: a harness test" ]]
	[[ $output == *"# Totals: pass:0 fail:0 xfail:0 xpass:0 skip:3 error:0"* ]]
}

@test "a declared known divergence that fails is XFAIL: exit 0, and exit 1 with --strict" {
	run -0 "$PROBES/known_fail" --json "$TMP/r.jsonl"
	[[ $output == *$'# known divergence (all kernels): udp_sendmsg() returns EDESTADDRREQ\nok 1 ipv4 # XFAIL known divergence'* ]]
	run -1 "$PROBES/known_fail" --strict --json "$TMP/strict.jsonl"
	[[ $output == *"ok 1 ipv4 # XFAIL known divergence"* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .fails_run] | @tsv' "$TMP/r.jsonl" "$TMP/strict.jsonl"
	[[ $output == $'XFAIL\tfalse\nXFAIL\ttrue' ]]
}

@test "a declared known divergence that does not occur is XPASS, so a fixed kernel shows" {
	run -0 "$PROBES/known_pass" --json "$TMP/r.jsonl"
	[[ $output == *"ok 1 ipv4 # XPASS known divergence did not occur"* ]]
	[[ $output == *$'\nok 2 ipv6\n'* ]]
	[[ $output == *"# Totals: pass:1 fail:0 xfail:0 xpass:1 skip:1 error:0"* ]]
	run -1 "$PROBES/known_pass" --strict
	run jq -r '[.family, .verdict] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ipv4\tXPASS\nipv6\tPASS\nmapped\tSKIP' ]]
}

@test "--lost writes an ERROR record and KTAP line for every selected family, running nothing" {
	run -1 "$PROBES/known_pass" --lost "probe died (exit 137)" --family ipv6,mapped --json "$TMP/r.jsonl"
	[[ $output == *$'1..2\nnot ok 1 ipv6 # ERROR probe died (exit 137)\nnot ok 2 mapped # ERROR probe died (exit 137)'* ]]
	run jq -r '[.family, .verdict, .reason, (.transcript | length)] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ipv6\tERROR\tprobe died (exit 137)\t0\nmapped\tERROR\tprobe died (exit 137)\t0' ]]
}
