#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make matrix (scripts/matrix): every way a kernel run can go wrong gets one
# line or an ERROR that says why, and a kernel without veth or IPv6 gets the
# harness's own one-line answer.  The guests boot Debian's 6.1 kernel (cloud
# flavour, from cache/ or downloaded once) with a few rules each.
# shellcheck disable=SC2154 # status, output and lines are set by bats' run
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

setup() {
	cd "$BATS_TEST_DIRNAME/.." || exit
	command -v qemu-system-x86_64 >/dev/null ||
		skip "qemu-system-x86_64 is missing: sudo scripts/deps --ensure matrix"
	export BUILD=${UDPC_BUILD:-build} KERNELS=6.1 MATRIX_HOST=0 BENCH=0
	export RESULTS=$BATS_TEST_TMPDIR/results MATRIX_WORK=$BATS_TEST_TMPDIR/work
}

# guest RULES...: runs the given rules in one 6.1 guest; sets $run_dir to its
# results folder.
guest() {
	RULES="$*" run scripts/matrix
	run_dir=$(find "$RESULTS" -mindepth 1 -maxdepth 1 -type d -name '6.1.*' -print -quit)
}

# verdict RULE FAMILY: "VERDICT reason" of one record of the guest's run.
verdict() {
	jq -r --arg id "$1" --arg f "$2" 'select(.id == $id and .family == $f) | "\(.verdict) \(.reason // "")"' \
		"$run_dir/results.jsonl"
}

@test "a kernel version Debian's registry does not have is named in one line (exit 65)" {
	KERNELS=6.99 run --separate-stderr scripts/matrix
	assert_equal "$status" 65
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "^matrix: no Debian kernel package matches '6\.99'"
}

@test "a missing qemu is named in one line (exit 69)" {
	MATRIX_QEMU=/nonexistent/qemu-system-x86_64 run --separate-stderr scripts/matrix
	assert_equal "$status" 69
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "is missing: run 'sudo make deps'"
}

@test "a cache without room for the kernel package is named in one line (exit 73)" {
	local tiny=$BATS_TEST_TMPDIR/tiny
	mkdir -p "$tiny"
	# A 1 MB file system in a mount namespace of its own: gone with it.
	# shellcheck disable=SC2016 # $1 is expanded by the inner bash
	run --separate-stderr unshare --mount --propagation private bash -c \
		'mount -t tmpfs -o size=1m udpconform-test "$1" && MATRIX_CACHE=$1 scripts/matrix' - "$tiny"
	assert_equal "$status" 73
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "^matrix: not enough free disk in .*tiny for linux-image-6\.1"
}

@test "a guest kernel that panics is an ERROR with its last console lines" {
	MATRIX_APPEND=rdinit=/nonexistent guest udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 1
	assert_regex "$(jq -r .error.reason "$run_dir/run.json")" "^the guest stopped .* before sending its results$"
	assert_regex "$(jq -r '.error.console | join("\n")' "$run_dir/run.json")" "Kernel panic"
}

@test "a guest that does not finish within its bound is killed and an ERROR" {
	MATRIX_BOUND_S=1 guest udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 1
	assert_equal "$(jq -r .error.reason "$run_dir/run.json")" \
		"killed at the bound of 1 s before sending its results"
	refute pgrep -f "qemu-system-x86_64 .*$MATRIX_WORK"
}

@test "a kernel without veth: rules on links are ERROR saying to load veth; loopback rules run" {
	MATRIX_MODULES="llc stp bridge" guest udp.filter.foreign_datagrams_dropped udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 1
	assert_equal "$(verdict udp.filter.foreign_datagrams_dropped ipv4)" \
		"ERROR kernel has no veth driver: load it with 'modprobe veth'"
	assert_equal "$(verdict udp.send.unconnected_send_edestaddrreq ipv6)" "PASS "
}

@test "a kernel booted with ipv6.disable=1: IPv6 and mapped SKIP saying so; IPv4 runs" {
	MATRIX_APPEND=ipv6.disable=1 guest udp.filter.foreign_datagrams_dropped udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 0
	local rule family
	for rule in udp.filter.foreign_datagrams_dropped udp.send.unconnected_send_edestaddrreq; do
		assert_equal "$(verdict "$rule" ipv4)" "PASS "
		for family in ipv6 mapped; do
			assert_equal "$(verdict "$rule" "$family")" \
				"SKIP kernel has no IPv6 (ipv6.disable=1?): socket(AF_INET6) = EAFNOSUPPORT"
		done
	done
}
