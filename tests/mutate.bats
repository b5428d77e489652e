#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The fault-injection shim of make mutate (tests/mutate/shim.c): unmutated,
# a rule passes under it and its calls are counted; one changed answer of
# the call the rule checks makes the rule FAIL.
# shellcheck disable=SC2154 # stderr is set by bats' run
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

setup_file() {
	cd "$BATS_TEST_DIRNAME/.." || return
	# One dynamically linked probe and the shim, in make mutate's own folder.
	make -s --no-print-directory DYNAMIC=1 BUILD=build/mutate \
		build/mutate/cases/send/unconnected_send_edestaddrreq \
		build/mutate/cases/socket/udplite_socket_created build/mutate/tests/mutate/shim.so
}

setup() {
	cd "$BATS_TEST_DIRNAME/.." || return
	PROBE=build/mutate/cases/send/unconnected_send_edestaddrreq
	SHIM=$PWD/build/mutate/tests/mutate/shim.so
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

@test "unmutated, the rule passes and the shim logs its socket(), send() and write(), nothing else of the setup" {
	run -0 env UDPC_MUTATE_LOG="$TMP/calls" LD_PRELOAD="$SHIM" "$PROBE" --family ipv4
	assert_output --partial "ok 1 ipv4"
	# seq call occurrence ret errno extra mutated; netlink and pipes pass by.
	# The harness's own IPv6 question and the client's socket, protocol 0
	# (extra); the descriptor numbers are the kernel's.
	run cat "$TMP/calls"
	assert_line --index 0 --regexp '^1 socket 1 [0-9]+ 0 0 0$'
	assert_line --index 1 --regexp '^2 socket 2 [0-9]+ 0 0 0$'
	assert_line --index 2 '3 send 1 -1 EDESTADDRREQ 0 0'
	assert_line --index 3 '4 write 1 -1 EDESTADDRREQ 0 0'
	assert_equal "${#lines[@]}" 4
}

@test "an error injected into the checked socket() kills the rule; the shim logs its protocol" {
	udplite=build/mutate/cases/socket/udplite_socket_created
	run -0 env UDPC_MUTATE_LOG="$TMP/calls" LD_PRELOAD="$SHIM" "$udplite" --family ipv4
	assert_output --partial "ok 1 ipv4"
	# The one socket() asking for IPPROTO_UDPLITE (136) is the rule's.
	run awk '$2 == "socket" && $6 == 136 { print $3 }' "$TMP/calls"
	assert_output --regexp '^[0-9]+$'
	run -1 env UDPC_MUTATE="socket:$output:errno:EPROTONOSUPPORT" LD_PRELOAD="$SHIM" "$udplite" --family ipv4
	assert_output --partial 'FAIL socket(AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE): expected 0'
	assert_output --partial "observed -1 EPROTONOSUPPORT"
}

@test "a different errno from the checked send() kills the rule" {
	run -1 env UDPC_MUTATE=send:1:errno:ENOTCONN LD_PRELOAD="$SHIM" "$PROBE" --family ipv4
	assert_output --partial 'FAIL send(client, "ping", 4, 0): expected -1 EDESTADDRREQ'
	assert_output --partial "observed -1 ENOTCONN"
	assert_output --partial "not ok 1 ipv4"
}

@test "success instead of failure of the checked write() kills the rule" {
	run -1 env UDPC_MUTATE=write:1:ok LD_PRELOAD="$SHIM" "$PROBE" --family ipv4
	assert_output --partial 'FAIL write(client, "ping", 4): expected -1 EDESTADDRREQ'
	assert_output --partial "observed 4"
}

@test "a malformed UDPC_MUTATE is one line saying what is wrong, exit 64" {
	run -64 --separate-stderr env UDPC_MUTATE=send:0:drop LD_PRELOAD="$SHIM" "$PROBE" --family ipv4
	assert_equal "$stderr" "udpc mutate shim: UDPC_MUTATE='send:0:drop': the occurrence counts from 1"
}

@test "scripts/mutate kills the rule with every mutation of its checked calls and prints the score" {
	run -0 env UDPC_PROGRESS=plain RULES=udp.send.unconnected_send_edestaddrreq FAMILIES=ipv4 \
		BUILD=build/mutate scripts/mutate
	assert_line "mutation score: 4/4 = 100.0%"
	# A counter while it runs; the full table in a file.
	assert_line --regexp '^mutate: 4/4 survived 0, errors 0: udp\.send\.unconnected_send_edestaddrreq ipv4 '
	assert_line "mutate: every mutation and its verdict: build/mutate/mutate.tsv"
	grep -qx $'udp.send.unconnected_send_edestaddrreq\tipv4\tsend:1:errno:EINVAL\tkilled' build/mutate/mutate.tsv
}
