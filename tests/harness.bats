#!/usr/bin/env bats
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
	# A build folder where udp.harness.hang is the hang probe (with a 1 s
	# bound) and udp.send.sendto_port_zero_einval the real rule.
	mkdir -p "$TMP/build/cases/harness" "$TMP/build/cases/send"
	printf '#!/bin/sh\nexec %q --timeout 1 "$@"\n' "$(realpath "$PROBES/hang")" >"$TMP/build/cases/harness/hang"
	chmod +x "$TMP/build/cases/harness/hang"
	ln -s "$(realpath "$BUILD/cases/send/sendto_port_zero_einval")" "$TMP/build/cases/send/"
	# The suite's own helpers, beside a two-rule suite.
	ln -s "$PWD"/cases/*.bash "$TMP/"
	printf 'load helper\n@test hang { rule udp.harness.hang; }\n@test next { rule udp.send.sendto_port_zero_einval; }\n' \
		>"$TMP/suite.bats"
	run -1 env UDPC_BUILD="$TMP/build" UDPC_JSONL="$TMP/r.jsonl" BATS_LIB_PATH=/usr/lib/bats \
		bats --formatter tap "$TMP/suite.bats"
	[[ ${lines[1]} == "not ok 1 hang" ]]
	[[ $output == *"# TIMEOUT 1 s; last call: recv(server, ..., 16, 0)"* ]]
	[[ $output == *$'\nok 2 next'* ]]
	run jq -r '[.id, .family, .verdict] | @tsv' "$TMP/r.jsonl"
	[[ ${lines[0]} == $'test.harness.hang\tipv4\tTIMEOUT' ]]
	[[ ${lines[3]} == $'udp.send.sendto_port_zero_einval\tipv4\tPASS' ]]
	[[ ${#lines[@]} == 6 ]]
}

@test "without privileges, make check says what is missing in one line and exits 77" {
	run -77 --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		scripts/check
	[[ $stderr == "udpconform: needs root (missing CAP_SYS_ADMIN CAP_NET_ADMIN) to create network namespaces; run: sudo make check" ]]
	[[ -z $output ]]
	run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		make --no-print-directory check
	[[ ${stderr_lines[0]} == "udpconform: needs root"*"run: sudo make check" ]]
	[[ $stderr == *"Error 77"* ]]
	[[ -z $output ]]
}

@test "every bats title is its probe's sentence, and every probe has exactly one test" {
	local src id topic claim sentence count
	for src in cases/*/*.c; do
		topic=${src#cases/}
		topic=${topic%%/*}
		claim=$(basename "$src" .c)
		id=udp.$topic.$claim
		sentence=$("$BUILD/cases/$topic/$claim" --meta | jq -r .sentence)
		[[ $("$BUILD/cases/$topic/$claim" --meta | jq -r .id) == "$id" ]] ||
			{ echo "$src declares another id than $id"; return 1; }
		count=$(grep -c -F "@test \"$sentence\"" "cases/$topic.bats" || true)
		[[ $count == 1 ]] || { echo "$id: $count tests titled with its sentence in cases/$topic.bats"; return 1; }
		grep -q -F "rule $id" "cases/$topic.bats" || { echo "$id: no 'rule $id' in cases/$topic.bats"; return 1; }
	done
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
