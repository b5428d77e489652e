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
