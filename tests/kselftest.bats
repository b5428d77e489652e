#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make install-kselftest: the layout the kernel's run_kselftest.sh (and
# KernelCI, LKFT) runs.  The kernel's own runner, from Debian's
# linux-source-6.1 (scripts/kernel-tools, cached under cache/), must count
# what make check counts: one test per rule, ok / SKIP / not ok.
# shellcheck disable=SC2154 # output is set by bats' run
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
	TOOLS=$(scripts/kernel-tools 6.1)/tools/testing/selftests
	mkdir -p "$BUILD/kselftest-test"
	KSFT=$(mktemp -d "$BUILD/kselftest-test/tree.XXXXXX")
	KSFT=$(realpath "$KSFT")
	make --no-print-directory -s install-kselftest DESTDIR="$KSFT" >/dev/null
	# What the kernel's `make install` of tools/testing/selftests puts at
	# the top of the tree, beside the collections.
	cp "$TOOLS/run_kselftest.sh" "$KSFT/"
	cp -r "$TOOLS/kselftest" "$KSFT/"
	# make check's verdicts, per rule, as the runner would read the exit
	# status of each probe: not ok if a record fails the run, SKIP if every
	# family was skipped, else ok.
	RESULTS=$KSFT.check UDPC_REPORT=$KSFT.check/REPORT.md scripts/check >/dev/null 2>&1 || true
	jq -rs 'group_by(.id)[] | [.[0].id,
		(if any(.[]; .fails_run // (.verdict == "ERROR" or (.verdict == "FAIL" and .known != true)))
		 then "fail" elif all(.[]; .verdict == "SKIP") then "skip" else "pass" end)] | @tsv' \
		"$KSFT.check/$(uname -r)/results.jsonl" | sort >"$KSFT.check/rules.tsv"
	export KSFT
}

teardown_file() {
	rm -rf "$KSFT" "$KSFT.check"
}

# counts: "pass N fail N skip N" of "id<TAB>result" ktap on stdin.
counts() {
	awk -F'\t' '{ n[$2]++ } END { printf "pass %d fail %d skip %d\n", n["pass"], n["fail"], n["skip"] }'
}

@test "install-kselftest lays out the collection: one test per rule, settings with a timeout, the config fragment" {
	[[ -x $KSFT/udpconform/udp.send.unconnected_send_edestaddrreq ]]
	[[ -x $KSFT/udpconform/run_udpconform.sh ]]
	grep -qx 'timeout=120' "$KSFT/udpconform/settings"
	grep -qx 'CONFIG_NET_NS=y' "$KSFT/udpconform/config"
	run grep -c '^udpconform:udp\.[a-z0-9_]*\.[a-z0-9_]*$' "$KSFT/kselftest-list.txt"
	[[ $output == "$(find cases -mindepth 2 -name '*.c' | wc -l)" ]]
	# A second install replaces its own ktap and keeps the other collections'.
	echo "net:udpgso.sh" >>"$KSFT/kselftest-list.txt"
	make --no-print-directory -s install-kselftest DESTDIR="$KSFT" >/dev/null
	grep -qx 'net:udpgso.sh' "$KSFT/kselftest-list.txt"
	run grep -c '^udpconform:' "$KSFT/kselftest-list.txt"
	[[ $output == "$(find cases -mindepth 2 -name '*.c' | wc -l)" ]]
	sed -i '/^net:/d' "$KSFT/kselftest-list.txt"
}

@test "the kernel's run_kselftest.sh over the installed tree counts what make check counts" {
	"$KSFT/run_kselftest.sh" -c udpconform >"$KSFT.check/kselftest.tap" 2>&1 || true
	sed -n 's/^\(not ok\|ok\) [0-9]* selftests: udpconform: \([^ ]*\)\( # SKIP\)\?.*/\2\t\1\3/p' \
		"$KSFT.check/kselftest.tap" |
		sed 's/\tok # SKIP$/\tskip/; s/\tok$/\tpass/; s/\tnot ok.*/\tfail/' | sort >"$KSFT.check/kselftest.tsv"
	echo "# make check:     $(counts <"$KSFT.check/rules.tsv")" >&3
	echo "# run_kselftest:  $(counts <"$KSFT.check/kselftest.tsv")" >&3
	run diff "$KSFT.check/rules.tsv" "$KSFT.check/kselftest.tsv"
	[[ $status == 0 ]] || { echo "$output"; grep -B3 '^not ok' "$KSFT.check/kselftest.tap" | head -40; false; }
}

@test "run_udpconform.sh streams one KTAP document, a subtest per rule, with make check's counts" {
	run "$KSFT/udpconform/run_udpconform.sh"
	local ktap=$output
	[[ ${ktap%%$'\n'*} == "KTAP version 1" ]]
	[[ $(grep -c '^    # Subtest: udp\.' <<<"$ktap") == "$(wc -l <"$KSFT.check/rules.tsv")" ]]
	sed -n 's/^\(not ok\|ok\) [0-9]* \(udp\.[^ ]*\)\( # SKIP\)\?.*/\2\t\1\3/p' <<<"$ktap" |
		sed 's/\tok # SKIP$/\tskip/; s/\tok$/\tpass/; s/\tnot ok.*/\tfail/' | sort >"$KSFT.check/runner.tsv"
	echo "# run_udpconform: $(counts <"$KSFT.check/runner.tsv")" >&3
	diff "$KSFT.check/rules.tsv" "$KSFT.check/runner.tsv"
	[[ ${ktap##*$'\n'} == "# Totals: pass:"* ]]
}

@test "make install-kselftest's tree booted in a QEMU guest: the kernel's run_kselftest.sh counts what the suite counts there" {
	(( $(id -u) == 0 )) || skip "the guest's comparison run (scripts/matrix) needs root"
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is missing: sudo scripts/deps --ensure matrix"
	[[ -x /bin/busybox ]] || skip "busybox-static is missing (the guest's /bin/sh): sudo scripts/deps --ensure matrix"
	local kernel
	kernel=$(find -L cache/kernels -mindepth 2 -maxdepth 2 -name 'done' -printf '%h\n' 2>/dev/null | sort | head -n 1)
	[[ -n $kernel && -f $kernel/vmlinux && -d $kernel/modules ]] ||
		skip "no kernel in cache/kernels: 'sudo make matrix KERNELS=6.1' caches one"
	[[ -x $BUILD/matrix/udpc-probes ]] || skip "no guest programs in $BUILD/matrix: make matrix-build"
	local out=$KSFT.guest release
	release=$(cat "$kernel/release")
	# The kernel by path, so that the run needs no package lists.
	run --separate-stderr env KSFT="$KSFT" RESULTS="$out" MATRIX_WORK="$out/work" UDPC_PROGRESS=off \
		RULES='udp.send.unconnected_* udp.send.sendto_port_zero_einval udp.connect.getpeername_*' \
		scripts/matrix-kselftest "$kernel/vmlinux:$kernel/modules"
	printf '# %s\n' "${stderr_lines[@]}" >&3
	[[ $status == 0 ]] || { echo "$stderr"; tail -n 30 "$out/kselftest-$release/console.log"; false; }
	grep -qx 'udpconform-kselftest links: lo' "$out/kselftest-$release/console.log"
	[[ $(wc -l <"$out/kselftest-$release/kselftest.tsv") == 4 ]]
	[[ $stderr == *"kselftest-guest: $release: equal, rule by rule"* ]]
	rm -rf "$out"
}
