#!/usr/bin/env bats
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
		build/mutate/cases/send/unconnected_send_edestaddrreq build/mutate/tests/mutate/shim.so
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

@test "unmutated, the rule passes and the shim logs its send() and write(), nothing of the setup" {
	run -0 env UDPC_MUTATE_LOG="$TMP/calls" LD_PRELOAD="$SHIM" "$PROBE" --family ipv4
	assert_output --partial "ok 1 ipv4"
	# seq call occurrence ret errno extra mutated; netlink and pipes pass by.
	run cat "$TMP/calls"
	assert_output $'1 send 1 -1 EDESTADDRREQ 0 0\n2 write 1 -1 EDESTADDRREQ 0 0'
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
	run -0 env RULES=udp.send.unconnected_send_edestaddrreq FAMILIES=ipv4 BUILD=build/mutate scripts/mutate
	assert_line --regexp '^udp\.send\.unconnected_send_edestaddrreq +ipv4 +send:1:errno:EINVAL +killed$'
	assert_line "mutation score: 4/4 = 100.0%"
}
