#!/usr/bin/env bats
# The harness itself: verdicts it must give, and what it must leave behind.
bats_require_minimum_version 1.5.0

setup() {
	BUILD=${UDPC_BUILD:-build}
	PROBES=$BUILD/tests/probes
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# The caller's network namespace as the kernel describes it, volatile
# counters left out: links, addresses, routes, named namespaces.
netns_snapshot() {
	{
		ip -j link show | jq -c '[.[] | {ifname, operstate, flags, address}]'
		ip -j addr show | jq -c '[.[] | {ifname, addr_info: [.addr_info[] | {local, prefixlen}]}]'
		ip -j route show table all | jq -c 'sort_by(.dst)'
		ip -j -6 route show table all | jq -c 'sort_by(.dst)'
		ip netns list
	}
}

@test "a deliberately wrong expectation yields FAIL with expected and observed, not PASS" {
	run -1 "$PROBES/wrong_expectation" --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 test.harness.wrong_expectation.ipv4"* ]]
	[[ $output == *"FAIL send(client, \"ping\", 4, 0): expected -1 ENOTCONN"*"observed -1 EDESTADDRREQ"* ]]
	run jq -r 'select(.family == "ipv4") | [.verdict, .checks[0].expected, .checks[0].observed] | @tsv' "$TMP/r.jsonl"
	[[ $output == "FAIL"*"ENOTCONN"*"EDESTADDRREQ"* ]]
}

@test "a hung family is killed at its bound and reported ERROR with its last call, and the next family still runs" {
	run -2 "$PROBES/hang" --timeout 1 --json "$TMP/r.jsonl"
	[[ $output == *"not ok 1 test.harness.hang.ipv4 # ERROR hung: no verdict within 1 s, killed; last call: recv(server, ..., 16, 0)"* ]]
	[[ $output == *"ok 2 test.harness.hang.ipv6"* ]]
	run jq -r '[.family, .verdict] | @tsv' "$TMP/r.jsonl"
	[[ $output == $'ipv4\tERROR\nipv6\tPASS\nmapped\tSKIP' ]]
}

@test "a probe killed with SIGKILL leaves no namespace, link, address, route or process behind" {
	local before after probe child
	before=$(netns_snapshot)
	mkfifo "$TMP/ready"
	UDPC_TEST_READY=$TMP/ready "$PROBES/hang" --timeout 60 --family ipv4 >/dev/null &
	probe=$!
	# The hung child writes its pid right before it blocks, inside its
	# namespaces: the read returns exactly when there is something to leak.
	read -r child <"$TMP/ready"
	[[ $(readlink "/proc/$child/ns/net") != "$(readlink /proc/self/ns/net)" ]]
	kill -KILL "$probe"
	wait "$probe" || true
	# The child dies by PR_SET_PDEATHSIG; wait for it, bounded.
	timeout 10 tail --pid="$child" -s 0.05 -f /dev/null
	run ! kill -0 "$child"
	after=$(netns_snapshot)
	[[ $before == "$after" ]]
	run ! pgrep -f "$PROBES/hang"
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

@test "a probe given a bad argument says so in one line and exits 64" {
	run -64 --separate-stderr "$PROBES/hang" --family ipv5
	[[ $stderr == "test.harness.hang: unknown family 'ipv5': use ipv4, ipv6 or mapped (see --help)" ]]
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
