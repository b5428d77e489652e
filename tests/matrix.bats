#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make matrix (scripts/matrix, scripts/matrix-kernel): every way a kernel run
# can go wrong gets one line or an ERROR that says why, and a kernel without
# veth or IPv6 gets the harness's own one-line answer.  The guests boot
# Debian's 6.1 kernel (cloud flavour, from cache/ or downloaded once) with a
# few rules each; the package shapes are checked on real Debian packages
# (6.12, 6.16, 7.3, downloaded once into cache/).
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

@test "a scripts/matrix that ends at once leaves no process of its session behind (20 runs)" {
	load leak
	local pid left status
	# A missing qemu ends the script within a millisecond of starting its
	# session guard, before the guard has set its death signal: the guard
	# must still see it gone and end, or it holds the caller's output open.
	for _ in $(seq 20); do
		MATRIX_QEMU=/nonexistent/qemu-system-x86_64 scripts/matrix >"$BATS_TEST_TMPDIR/matrix.log" 2>&1 </dev/null &
		pid=$!
		status=0
		wait "$pid" || status=$?
		assert_equal "$status" 69
		left=$(pgrep -s "$pid" | paste -sd' ')
		# shellcheck disable=SC2086 # one pid per word
		procs_wait_exit 10 $left || { ps -o pid,ppid,sid,args -s "$pid"; pkill -KILL -s "$pid"; return 1; }
	done
}

@test "a cache without room for the kernel package is named in one line (exit 73)" {
	local tiny=$BATS_TEST_TMPDIR/tiny
	mkdir -p "$tiny"
	# A 1 MB file system in a mount namespace of its own: gone with it.
	# shellcheck disable=SC2016 # $1 is expanded by the inner bash
	run --separate-stderr unshare --mount --propagation private bash -c \
		'mount -t tmpfs -o size=1m udpconform-test "$1" && UDPC_CACHE=$1 UDPC_APT=$PWD/cache/apt scripts/matrix' - "$tiny"
	assert_equal "$status" 73
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "^matrix: not enough free disk in .*tiny for linux-image-6\.1"
}

@test "a guest kernel that panics is an ERROR with its last console lines" {
	MATRIX_APPEND=rdinit=/nonexistent guest udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 1
	assert_regex "$(jq -r .error.reason "$run_dir/run.json")" "^the guest stopped .* before the end of its run$"
	assert_regex "$(jq -r '.error.console | join("\n")' "$run_dir/run.json")" "Kernel panic"
}

@test "a guest that does not finish within its bound is killed and an ERROR" {
	MATRIX_BOUND_S=1 guest udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 1
	assert_equal "$(jq -r .error.reason "$run_dir/run.json")" \
		"killed at the bound of 1 s before the end of its run"
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

@test "a guest that is done ends QEMU through isa-debug-exit, before any kernel reset" {
	guest udp.send.unconnected_send_edestaddrreq
	assert_equal "$status" 0
	local console
	console=$(find "$MATRIX_WORK" -name console.log -path '*6.1.*' -print -quit)
	# The end, and nothing after it: a reset would print its line first.
	assert_equal "$(tail -n 1 "$console")" "udpconform-matrix end"
	refute grep -q 'reboot: Restarting system' "$console"
}

@test "a guest streams nested KTAP: the probes' own lines, progress on the host, probes/ per rule" {
	guest udp.send.unconnected_send_edestaddrreq udp.socket.udplite_socket_created
	assert_equal "$status" 0
	assert_regex "$output" "matrix: 6\.1\.[^:]*: 2/2"
	local console
	console=$(find "$MATRIX_WORK" -name console.log -path '*6.1.*' -print -quit)
	run grep -c -x '# Subtest: udp.send.unconnected_send_edestaddrreq' "$console"
	assert_output 1
	grep -q '^    ok 1 ipv4' "$console"
	grep -q '^ok 1 udp.send.unconnected_send_edestaddrreq' "$console"
	assert [ -s "$run_dir/probes/udp.socket.udplite_socket_created.ktap" ]
	assert_equal "$(head -n 1 "$run_dir/probes/udp.socket.udplite_socket_created.ktap")" "KTAP version 1"
	assert_equal "$(jq -r .guest.rules_reported "$run_dir/run.json")" 2
	# The kernel's documents, from the one writer, valid as a host run's.
	scripts/validate record "$run_dir/results.jsonl"
	scripts/validate run "$run_dir/run.json"
	scripts/validate results "$run_dir/results.json"
	xmllint --noout --schema docs/schema/junit.xsd "$run_dir/junit.xml"
	grep -q '^    # Subtest: udp.socket.udplite_socket_created' "$run_dir/ktap.txt"
}

@test "a kill -9 of scripts/matrix takes its guests and their QEMU with it" {
	load leak
	local pid qemus dir
	# Every rule: the guest has most of a minute still to run when it is
	# killed, far past the bound its end is waited for below.
	RULES='' scripts/matrix >"$BATS_TEST_TMPDIR/matrix.log" 2>&1 &
	pid=$!
	# The events: the guests are starting, then the guest's kernel is up
	# and streaming its console.
	timeout 120 tail -n +1 -F "$BATS_TEST_TMPDIR/matrix.log" 2>/dev/null | grep -m1 -q 'running 1 kernels' ||
		{ cat "$BATS_TEST_TMPDIR/matrix.log"; return 1; }
	dir=$(find "$MATRIX_WORK" -mindepth 1 -maxdepth 1 -type d -name '6.1.*' -print -quit)
	timeout 60 tail -n +1 -F "$dir/console.log" 2>/dev/null | grep -m1 -q 'udpconform-guest: Linux up' ||
		{ cat "$BATS_TEST_TMPDIR/matrix.log"; return 1; }
	qemus=$(pgrep -f "qemu-system-x86_64 .*$MATRIX_WORK" | paste -sd' ')
	[[ -n $qemus ]]
	kill -KILL "$pid"
	# shellcheck disable=SC2086,SC2046 # one pid per word
	procs_wait_exit 10 $qemus $(pgrep -f "$MATRIX_WORK" | paste -sd' ')
	refute pgrep -f "$MATRIX_WORK"
}

@test "a guest that dies keeps the rules it reported (the console cut in the middle)" {
	guest udp.send.unconnected_send_edestaddrreq udp.socket.udplite_socket_created
	local console cut
	console=$(find "$MATRIX_WORK" -name console.log -path '*6.1.*' -print -quit)
	cut=$BATS_TEST_TMPDIR/cut.log
	# Up to the second rule's subtest line: the first rule's records are in.
	sed '/# Subtest: udp.socket.udplite_socket_created/q' "$console" >"$cut"
	run /usr/bin/python3 scripts/udpc/matrix.py unpack "$cut" "$BATS_TEST_TMPDIR/out" \
		--release 6.1 --label 6.1 --reason "the guest died"
	assert_equal "$status" 1
	assert_output "1/2"
	assert_equal "$(jq -r .error.reason "$BATS_TEST_TMPDIR/out/run.json")" "the guest died"
	assert_equal "$(jq -r .id "$BATS_TEST_TMPDIR/out/results.jsonl" | sort -u)" udp.send.unconnected_send_edestaddrreq
}

# kernel_dir SPEC: the folder scripts/matrix-kernel made for SPEC.
kernel_dir() {
	scripts/matrix-kernel "$1" 2>/dev/null | cut -d' ' -f2
}

@test "Debian's three package shapes: unsigned linux-image, signed linux-image, split linux-binary + linux-modules" {
	local spec dir
	for spec in 6.12 6.16 7.3; do
		dir=$(kernel_dir "$spec")
		assert [ -n "$dir" ]
		assert_equal "$(readlink "$dir/boot")" vmlinux
		assert_regex "$(cat "$dir/release")" "^${spec//./\\.}[.]"
		assert_equal "$(tr '\n' ' ' <"$dir/modules/order")" "inet_diag udp_diag veth llc stp bridge "
		grep -qx 'CONFIG_VETH=m' "$dir/config"
	done
}

@test "a Debian kernel package given as a path is resolved like the version (linux-image .deb)" {
	local deb line
	deb=$(find cache/debs -name 'linux-image-6.1.0-*-cloud-amd64-unsigned_*.deb' -print -quit)
	[[ -n $deb ]] || kernel_dir 6.1 >/dev/null
	deb=$(find cache/debs -name 'linux-image-6.1.0-*-cloud-amd64-unsigned_*.deb' -print -quit)
	line=$(scripts/matrix-kernel "$PWD/$deb")
	assert_regex "$line" "^6\.1\.0-[0-9]+-cloud-amd64 .*/kernels/path-[0-9a-f]+$"
	assert_equal "$(tr '\n' ' ' <"${line#* }/modules/order")" "inet_diag udp_diag veth llc stp bridge "
}

@test "a Debian kernel lists the stable backports of its changelog (f0ea27e7bfe1 in 6.1.53)" {
	assert_equal "$(grep -F 'udp: re-score reuseport groups when connected sockets are present' \
		"$(kernel_dir 6.1)/stable-changes" | cut -f1)" 6.1.53
}

@test "a Debian kernel whose linux-modules the registry does not serve runs its loopback rules only, saying so" {
	local dir
	dir=$(kernel_dir 7.1)
	[[ -f $dir/modules-unserved ]] || skip "the registry serves 7.1's modules now: nothing to show"
	KERNELS=7.1 RULES='udp.bind.second_bind_einval udp.filter.foreign_datagrams_dropped' \
		run --separate-stderr scripts/matrix
	assert_equal "$status" 0
	assert_regex "$stderr" "7\.1\.[0-9]+[^ ]*: its 1 loopback rules only; the other 1 need veth or a bridge, and the registry serves no linux-modules-7\.1"
	run_dir=$(find "$RESULTS" -mindepth 1 -maxdepth 1 -type d -name '7.1.*' -print -quit)
	assert_equal "$(verdict udp.bind.second_bind_einval ipv4)" "PASS "
	assert_equal "$(jq -c .guest.left_out.rules "$run_dir/run.json")" 1
	assert_equal "$(jq -r .complete "$run_dir/results.json")" true
}

@test "a kernel given as a path runs like a Debian one, with its modules beside it" {
	local dir
	dir=$(kernel_dir 6.1)
	KERNELS="mine=$dir/vmlinux:$dir/modules" RULES=udp.filter.foreign_datagrams_dropped run scripts/matrix
	assert_equal "$status" 0
	assert_equal "$(jq -r '"\(.family) \(.verdict)"' "$RESULTS/mine/results.jsonl" | tr '\n' ' ')" \
		"ipv4 PASS ipv6 PASS mapped PASS "
	assert_equal "$(jq -r .label "$RESULTS/mine/run.json")" mine
}

@test "a path that is not a kernel is named in one line (exit 66)" {
	KERNELS=$BATS_TEST_DIRNAME/matrix.bats run --separate-stderr scripts/matrix
	assert_equal "$status" 66
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "matrix.bats is not a kernel: neither an ELF vmlinux nor an x86 bzImage"
}

@test "a kernel whose config lacks veth is named in one line (exit 78)" {
	local dir own=$BATS_TEST_TMPDIR/own
	dir=$(kernel_dir 6.1)
	mkdir -p "$own"
	cp "$dir/vmlinux" "$own/vmlinux"
	sed 's/^CONFIG_VETH=.*/# CONFIG_VETH is not set/' "$dir/config" >"$own/config"
	KERNELS=$own/vmlinux UDPC_CACHE=$BATS_TEST_TMPDIR/cache run --separate-stderr scripts/matrix
	assert_equal "$status" 78
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "lacks CONFIG_VETH, which the suite needs"
}

@test "a kernel with modules in its config but none given is named in one line (exit 78)" {
	local dir own=$BATS_TEST_TMPDIR/own
	dir=$(kernel_dir 6.1)
	mkdir -p "$own"
	cp "$dir/vmlinux" "$dir/config" "$own/"
	KERNELS=$own/vmlinux UDPC_CACHE=$BATS_TEST_TMPDIR/cache run --separate-stderr scripts/matrix
	assert_equal "$status" 78
	assert_regex "$stderr" "CONFIG_VETH=m but veth.ko is not with it"
}
