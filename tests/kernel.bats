#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make kernel, verify-fix, zoo without building a kernel: kernel/config is
# complete, every patch is in the form its reader expects and still applies
# to each cached Debian source (cache/kernel/SRC/linux, when present; a
# regression to each one its Applies-to: names), the
# reproducers build, and udpc.kernel judges runs as it says.
# shellcheck disable=SC2154 # status, output and lines are set by bats' run
# shellcheck disable=SC2016 # backquotes in the expected markdown are literal
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

setup() {
	cd "$BATS_TEST_DIRNAME/.." || exit
}

# cached_trees: the SRC of every unpacked source under cache/kernel.
cached_trees() {
	local marker
	for marker in cache/kernel/*/linux/.udpc-unpacked; do
		[[ -f $marker ]] && basename "$(dirname "$(dirname "$marker")")"
	done
	return 0
}

@test "kernel/config asks for every option the suite's guest needs" {
	local option
	for option in 64BIT HYPERVISOR_GUEST PVH SERIAL_8250_CONSOLE BLK_DEV_INITRD BINFMT_ELF \
		BINFMT_SCRIPT DEVTMPFS PROC_SYSCTL TMPFS FUTEX MAGIC_SYSRQ NET INET IPV6 UNIX PACKET \
		NET_NS VETH BRIDGE IP_MULTICAST; do
		grep -qx "CONFIG_$option=y" kernel/config || fail "kernel/config lacks CONFIG_$option=y"
	done
}

@test "a .config without one of kernel/config's options gets one line naming it" {
	grep -v '^CONFIG_VETH=' kernel/config >"$BATS_TEST_TMPDIR/.config"
	echo '# CONFIG_VETH is not set' >>"$BATS_TEST_TMPDIR/.config"
	run scripts/kernel --config-check "$BATS_TEST_TMPDIR/.config"
	assert_failure 1
	assert_output --partial 'CONFIG_VETH: asked for y in kernel/config'
	assert_equal "${#lines[@]}" 1
	cp kernel/config "$BATS_TEST_TMPDIR/.config"
	run scripts/kernel --config-check "$BATS_TEST_TMPDIR/.config"
	assert_success
}

@test "every built kernel's .config has every option of kernel/config" {
	local config found=0
	for config in cache/kernel/*/*/.config; do
		[[ -f $config ]] || continue
		found=1
		# The tree says which options it does not know (renamed ones).
		run scripts/kernel --config-check "$config" "${config%/*/.config}/linux"
		assert_success
	done
	((found)) || skip "no kernel built yet (make kernel SRC=6.12)"
}

@test "the bug patches are ready to send: a subject, Fixes:, a reproducer, no Signed-off-by" {
	local patch
	for patch in kernel/patches/*.patch; do
		grep -q '^Subject: \[PATCH net\] ' "$patch" || fail "$patch: no [PATCH net] subject"
		grep -qE '^Fixes: [0-9a-f]{12} \(".+"\)$' "$patch" || fail "$patch: no Fixes: line"
		! grep -qi '^Signed-off-by:' "$patch" || fail "$patch: a Signed-off-by belongs to whoever sends it"
		grep -o 'kernel/patches/repro/[a-z0-9-]*\.c' "$patch" | head -n 1 | xargs test -f ||
			fail "$patch: names no reproducer that exists"
		awk '{ print $1 }' kernel/patches/rules | grep -qx "$(basename "$patch")" ||
			fail "$patch: no rows in kernel/patches/rules"
	done
}

@test "every regression names its fixing commit and the rule that must catch it" {
	local patch rule
	for patch in kernel/regressions/*.patch; do
		grep -qE "^Regression-of: $(basename "$patch" | cut -d- -f1) \(\".+\"\)$" "$patch" ||
			fail "$patch: no Regression-of: line with the id its file name starts with"
		grep -q '^Caught-by: ' "$patch" || fail "$patch: no Caught-by: line"
		grep -qE '^Applies-to: [0-9]+\.[0-9]+( [0-9]+\.[0-9]+)*$' "$patch" ||
			fail "$patch: no Applies-to: line naming the Debian sources it is written for"
		while read -r rule; do
			[[ $rule == none ]] && continue
			rule=${rule#udp.}
			[[ -f cases/${rule%%.*}/${rule#*.}.c ]] || fail "$patch: Caught-by: udp.$rule is no rule"
		done < <(sed -n 's/^Caught-by: //p' "$patch")
	done
}

@test "the bug patches still apply to every cached Debian source" {
	local src patch
	local -a trees
	mapfile -t trees < <(cached_trees)
	((${#trees[@]})) || skip "no cached source (make kernel SRC=6.12 fetches one)"
	for src in "${trees[@]}"; do
		for patch in kernel/patches/*.patch; do
			run scripts/kernel --check "$src" "$patch"
			assert_success
		done
	done
}

@test "the regressions still apply to every cached source they are written for (Applies-to:)" {
	local src patch checked=0
	local -a trees
	mapfile -t trees < <(cached_trees)
	((${#trees[@]})) || skip "no cached source (make zoo fetches 6.12)"
	for src in "${trees[@]}"; do
		for patch in kernel/regressions/*.patch; do
			sed -n 's/^Applies-to: //p' "$patch" | tr ' ' '\n' | grep -qxF "$src" || continue
			run scripts/kernel --check "$src" "$patch"
			assert_success
			checked=$((checked + 1))
		done
	done
	((checked)) || skip "no regression is written for the cached sources (${trees[*]})"
}

@test "a patch that no longer applies is one line" {
	local src
	src=$(cached_trees | head -n 1)
	[[ -n $src ]] || skip "no cached source (make kernel SRC=6.12 fetches one)"
	sed 's/^ \tinet->inet_dport = 0;$/ \tinet->inet_dport = 1;/' kernel/patches/udp-clear-sk_v6_daddr-on-disconnect.patch \
		>"$BATS_TEST_TMPDIR/stale.patch"
	run scripts/kernel --check "$src" "$BATS_TEST_TMPDIR/stale.patch"
	assert_failure 75
	assert_output --partial 'stale.patch no longer applies to linux-source-'
	assert_equal "${#lines[@]}" 1
}

@test "the reproducers build" {
	local repro
	for repro in kernel/patches/repro/*.c; do
		run cc -Wall -Wextra -Werror -o "$BATS_TEST_TMPDIR/repro" "$repro"
		assert_success
	done
}

# records DIR ROW...: a results folder whose rows are "id family verdict".
records() {
	local dir=$1 row id family verdict
	shift
	mkdir -p "$dir"
	for row in "$@"; do
		read -r id family verdict <<<"$row"
		jq -nc --arg id "$id" --arg f "$family" --arg v "$verdict" \
			'{id: $id, family: $f, verdict: $v, checks: [], transcript: ["t"]}'
	done >"$dir/results.jsonl"
}

@test "udpc.kernel verify: bug rows XFAIL then XPASS, other rows unchanged, and says when not" {
	local d=$BATS_TEST_TMPDIR
	printf '%s\n' 'udp-clear-sk_v6_daddr-on-disconnect.patch udp.a.b ipv6' >"$d/rules"
	cp kernel/patches/udp-clear-sk_v6_daddr-on-disconnect.patch "$d/"
	records "$d/stock" "udp.a.b ipv6 XFAIL" "udp.c.d ipv4 PASS"
	records "$d/fix" "udp.a.b ipv6 XPASS" "udp.c.d ipv4 PASS"
	PYTHONPATH=scripts run /usr/bin/python3 -m udpc.kernel verify "$d/out.md" 6.12 "$d/stock" "$d/fix" "$d/rules"
	assert_success
	assert_output --partial '| XFAIL | XPASS | as expected |'
	assert_output --partial 'The other 1 rows: the same verdict, checks and transcript'
	records "$d/fix" "udp.a.b ipv6 XPASS" "udp.c.d ipv4 FAIL"
	PYTHONPATH=scripts run /usr/bin/python3 -m udpc.kernel verify "$d/out.md" 6.12 "$d/stock" "$d/fix" "$d/rules"
	assert_failure 1
	assert_output --partial '`udp.c.d` ipv4: PASS -> FAIL'
}

@test "udpc.kernel zoo: the rule that FAILed on a mutant, and not caught when none did" {
	local d=$BATS_TEST_TMPDIR
	printf 'Subject: [REGRESSION] x\n\nRegression-of: 0123456789ab ("x")\nCaught-by: udp.a.b\n' >"$d/0123456789ab-x.patch"
	records "$d/runs/stock" "udp.a.b ipv4 PASS" "udp.c.d ipv4 PASS"
	records "$d/runs/0123456789ab" "udp.a.b ipv4 FAIL" "udp.c.d ipv4 PASS"
	PYTHONPATH=scripts run /usr/bin/python3 -m udpc.kernel zoo "$d/zoo.md" 7.3 "$d/runs/stock" "$d/runs" "$d/0123456789ab-x.patch"
	assert_success
	assert_output --partial '| 0123456789ab ("x") | `udp.a.b` | `udp.a.b` (ipv4) | caught |'
	records "$d/runs/0123456789ab" "udp.a.b ipv4 PASS" "udp.c.d ipv4 PASS"
	PYTHONPATH=scripts run /usr/bin/python3 -m udpc.kernel zoo "$d/zoo.md" 7.3 "$d/runs/stock" "$d/runs" "$d/0123456789ab-x.patch"
	assert_failure 1
	assert_output --partial '| not caught | NOT caught by the rule named |'
}

@test "REPORT.md takes its Kernel bugs found and Regressions caught sections from results/verify-fix.md and results/zoo.md" {
	local d=$BATS_TEST_TMPDIR/results
	mkdir -p "$d"
	cp -r tests/fixtures/run-a "$d/"
	scripts/finish "$d/run-a" >/dev/null
	scripts/report "$d/run-a" --out "$d/R.md" >/dev/null
	run grep -c '^## Kernel bugs found$\|^## Regressions caught$' "$d/R.md"
	assert_output 0
	printf '## Kernel bugs found\n\n| bug | stock | patched |\n' >"$d/verify-fix.md"
	printf '## Regressions caught\n\n| 0123456789ab ("x") | caught |\n' >"$d/zoo.md"
	scripts/report "$d/run-a" --out "$d/R.md" >/dev/null
	run grep -A2 '^## Kernel bugs found$' "$d/R.md"
	assert_output --partial '| bug | stock | patched |'
	run grep -A2 '^## Regressions caught$' "$d/R.md"
	assert_output --partial '| 0123456789ab ("x") | caught |'
}

@test "each netdev mail in docs/upstream carries its patch's message and diff" {
	local patch mail
	for patch in kernel/patches/*.patch; do
		mail=docs/upstream/$(basename "$patch" .patch).eml
		[[ -f $mail ]] || fail "$patch has no mail $mail"
		diff <(sed -n '/^diff --git/,$p' "$patch") <(sed -n '/^diff --git/,$p' "$mail") ||
			fail "$mail: its diff is not $patch's"
		diff <(sed -n '/^Subject:/,/^---$/p' "$patch") <(sed -n '/^Subject:/,/^---$/p' "$mail") ||
			fail "$mail: its message is not $patch's"
		grep -q '^To: netdev@vger.kernel.org$' "$mail" || fail "$mail: not to netdev"
	done
}

@test "a missing build tool is one line naming its package" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -s "$(command -v dirname)" "$(command -v nproc)" "$BATS_TEST_TMPDIR/bin/"
	PATH=$BATS_TEST_TMPDIR/bin run /bin/bash scripts/kernel 6.12
	assert_failure 69
	assert_output "kernel: gcc is missing: run 'sudo make deps' (Debian package build-essential)"
}

@test "no room for a build is one line" {
	local src
	src=$(cached_trees | head -n 1)
	[[ -n $src ]] || skip "no cached source (make kernel SRC=6.12 fetches one)"
	KERNEL_FREE_MB=999999999 run scripts/kernel "$src"
	assert_failure 73
	assert_output --partial 'a kernel build needs 999999999 MB'
	assert_equal "${#lines[@]}" 1
}
