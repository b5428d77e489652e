#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make install and the udpconform command: it runs from anywhere, writes
# only where --out says, returns the documented statuses, and make
# uninstall takes away everything make install put there.
# shellcheck disable=SC2154 # output and stderr are set by bats' run
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
	# Under build/ and world-readable: the unprivileged user runs it too.
	mkdir -p "$BUILD/install-test"
	DEST=$(mktemp -d "$BUILD/install-test/dest.XXXXXX")
	DEST=$(realpath "$DEST")
	chmod 0755 "$BUILD/install-test" "$DEST"
	export DEST UDPC=$DEST/usr/bin/udpconform
	make --no-print-directory -s install DESTDIR="$DEST" PREFIX=/usr >/dev/null
}

teardown_file() {
	rm -rf "$DEST"
}

setup() {
	OUT=$(mktemp -d "$BUILD/install-test/out.XXXXXX")
	OUT=$(realpath "$OUT")
	chmod 0777 "$OUT"
}

teardown() {
	rm -rf "$OUT"
}

@test "make install puts the command, the man page and the probes under PREFIX in DESTDIR" {
	[[ -x $UDPC ]]
	[[ -f $DEST/usr/share/man/man1/udpconform.1 ]]
	[[ -x $DEST/usr/libexec/udpconform/cases/send/unconnected_send_edestaddrreq ]]
	[[ -x $DEST/usr/libexec/udpconform/scripts/check ]]
	# The installed command names the final path, not DESTDIR's.
	grep -q "^readonly LIBEXEC='/usr/libexec/udpconform'" "$UDPC"
	run "$UDPC" --version
	[[ $output == "udpconform $(cat VERSION)" ]]
}

@test "udpconform run from / writes its results where --out says and nothing into the checkout or the installed tree" {
	local before
	before=$(git status --porcelain --ignored=no 2>/dev/null || true)
	touch "$OUT/stamp"
	# shellcheck disable=SC2016 # expanded by the inner sh
	run --separate-stderr sh -c 'cd / && exec "$1" run --out "$2/r" --rules "udp.send.unconnected_*"' sh "$UDPC" "$OUT"
	[[ $status == 0 ]] || { echo "$output $stderr"; false; }
	[[ -s $OUT/r/$(uname -r)/results.jsonl ]]
	[[ -s $OUT/r/REPORT.md ]]
	[[ ! -e $OUT/r/.tmp ]]
	run jq -rs 'map(.id) | unique | join(" ")' "$OUT/r/$(uname -r)/results.jsonl"
	[[ $output == "udp.send.unconnected_send_edestaddrreq udp.send.unconnected_sendto_null_edestaddrreq" ]]
	[[ $(git status --porcelain --ignored=no 2>/dev/null || true) == "$before" ]]
	[[ -z $(find "$DEST" -newer "$OUT/stamp" -print -quit) ]]
}

@test "udpconform run without --out writes udpconform-results in the current directory" {
	# shellcheck disable=SC2016 # expanded by the inner sh
	run sh -c 'cd "$2" && exec "$1" run --rules udp.send.sendto_port_zero_einval --families ipv4' sh "$UDPC" "$OUT"
	[[ $status == 0 ]] || { echo "$output"; false; }
	[[ -s $OUT/udpconform-results/$(uname -r)/results.jsonl ]]
}

@test "udpconform run as an unprivileged user runs rootless and gets the same verdicts" {
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$UDPC" run --out "$OUT/nobody" --rules 'udp.filter.*'
	[[ $status == 0 ]] || { echo "$output"; false; }
	[[ $output == *"udpconform: not root: rootless, each probe in a user namespace of its own;"* ]]
	[[ $(stat -c %U "$OUT/nobody/$(uname -r)/results.jsonl") == nobody ]]
	"$UDPC" run --out "$OUT/root" --rules 'udp.filter.*' >/dev/null
	diff <(jq -r '[.id, .family, .verdict] | @tsv' "$OUT/root/$(uname -r)/results.jsonl" | sort) \
		<(jq -r '[.id, .family, .verdict] | @tsv' "$OUT/nobody/$(uname -r)/results.jsonl" | sort)
}

@test "udpconform returns the documented statuses, each with one line" {
	run -64 --separate-stderr "$UDPC" run --frobnicate
	[[ $stderr == "udpconform: run: unknown argument '--frobnicate' (see udpconform --help)" ]]
	run -64 --separate-stderr "$UDPC" run --out
	[[ $stderr == "udpconform: --out needs a value (see udpconform --help)" ]]
	run -64 --separate-stderr "$UDPC" run --out "$OUT/r" --families ipv5
	[[ $stderr == "udpconform: unknown family 'ipv5' in FAMILIES=ipv5: use ipv4, ipv6 or mapped, comma- or space-separated" ]]
	run -66 --separate-stderr "$UDPC" run --out "$OUT/r" --rules 'udp.nosuch.*'
	[[ $stderr == "udpconform: RULES pattern 'udp.nosuch.*' matches no rule"* ]]
	touch "$OUT/file"
	run -73 --separate-stderr "$UDPC" run --out "$OUT/file/r"
	[[ $stderr == "udpconform: cannot write results to $OUT/file/r: choose a writable folder with --out" ]]
	run -64 --separate-stderr "$UDPC" lab --frobnicate
	[[ $stderr == "udpconform: lab: unknown argument '--frobnicate' (see udpconform --help)" ]]
	run -64 --separate-stderr "$UDPC"
	[[ $stderr == usage:* ]]
	run -64 --separate-stderr "$UDPC" frobnicate
	[[ $stderr == "udpconform: unknown command 'frobnicate' (see udpconform --help)" ]]
	[[ ! -e $OUT/r ]]
}

@test "udpconform matrix from an install boots a cached kernel: kernels and images in --cache, results in --out, nothing in the installed tree" {
	(( $(id -u) == 0 )) || skip "make matrix needs root (its host run and the guests' namespaces)"
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is missing: sudo scripts/deps --ensure matrix"
	local kernel
	kernel=$(find -L cache/kernels -mindepth 2 -maxdepth 2 -name 'done' -printf '%h\n' 2>/dev/null | sort | head -n 1)
	[[ -n $kernel && -f $kernel/vmlinux && -d $kernel/modules ]] ||
		skip "no kernel in cache/kernels: 'sudo make matrix KERNELS=6.1' caches one"
	touch "$OUT/stamp"
	# The kernel by path, so that the run needs no package lists.
	# shellcheck disable=SC2016 # expanded by the inner sh
	run --separate-stderr env BENCH=0 UDPC_PROGRESS=off sh -c 'cd / && exec "$1" matrix --cache "$2/cache" \
		--out "$2/r" --rules "udp.send.unconnected_*" "$3/vmlinux:$3/modules"' sh "$UDPC" "$OUT" "$(realpath "$kernel")"
	[[ $status == 0 ]] || { echo "$output $stderr"; false; }
	local guest
	guest=$OUT/r/$(cat "$kernel/release")
	[[ $(jq -r '[.complete, (.rules | length)] | @tsv' "$guest/results.json") == $'true\t2' ]]
	[[ -s $OUT/r/$(uname -r)/results.jsonl && -s $OUT/r/REPORT.md && -s $OUT/r/MATRIX.md ]]
	[[ -d $OUT/cache/matrix-run && -n $(find "$OUT/cache/kernels" -name vmlinux -print -quit) ]]
	[[ -z $(find "$DEST" -newer "$OUT/stamp" -print -quit) ]]
}

@test "udpconform matrix refuses a cache inside the installed tree, and run's and matrix's own options elsewhere" {
	run -73 --separate-stderr "$UDPC" matrix --cache "$DEST/usr/libexec/udpconform/cache" --out "$OUT/r"
	[[ $stderr == "udpconform: cannot keep the matrix's kernels in $DEST/usr/libexec/udpconform/cache: choose a writable folder with --cache" ]]
	run -64 --separate-stderr "$UDPC" matrix --strict
	[[ $stderr == "udpconform: matrix: unknown argument '--strict' (see udpconform --help)" ]]
	run -64 --separate-stderr "$UDPC" run --cache "$OUT/c"
	[[ $stderr == "udpconform: run: unknown argument '--cache' (see udpconform --help)" ]]
	run -64 --separate-stderr "$UDPC" run 6.1
	[[ $stderr == "udpconform: run: unknown argument '6.1' (see udpconform --help)" ]]
	[[ ! -e $DEST/usr/libexec/udpconform/cache && ! -e $OUT/r ]]
}

@test "udpconform report and compare read a run's results folder" {
	"$UDPC" run --out "$OUT/r" --rules 'udp.send.sendto_*' >/dev/null
	rm "$OUT/r/$(uname -r)/REPORT.md" 2>/dev/null || true
	run "$UDPC" report "$OUT/r/$(uname -r)"
	[[ $status == 0 ]] || { echo "$output"; false; }
	[[ -s $OUT/r/$(uname -r)/REPORT.md ]]
	run "$UDPC" compare "$OUT/r/$(uname -r)"
	[[ $status == 0 ]] || { echo "$output"; false; }
}

@test "man -l shows udpconform(1) without warnings" {
	run --separate-stderr env MANWIDTH=80 man --warnings -l "$DEST/usr/share/man/man1/udpconform.1"
	[[ $status == 0 ]]
	[[ -z $stderr ]] || { echo "$stderr"; false; }
	output=$(tr -s ' \n' ' ' <<<"$output")
	[[ $output == *"udpconform - check how the running Linux kernel treats connected UDP sockets"* ]]
	[[ $output == *"/usr/libexec/udpconform"* ]]
}

@test "make uninstall removes everything make install put there" {
	local dest
	dest=$(mktemp -d "$BUILD/install-test/u.XXXXXX")
	make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >/dev/null
	make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/usr
	run find "$dest" -type f
	[[ -z $output ]]
	rm -rf "$dest"
}

@test "udpconform lab runs the installed lab: udpc in the client's namespace, the server's port 7009 refuses" {
	[[ -x $DEST/usr/libexec/udpconform/lab/lab && -L $DEST/usr/libexec/udpconform/lab/bin/lab-server ]]
	# shellcheck disable=SC2016 # expanded by the lab's shell
	run --separate-stderr sh -c 'cd / && printf "%s\n" "udpc \"connect server 7009; send hi; recv\"" "lab-server ip -j addr show dev eth0" exit | SHELL=/bin/bash "$1" lab' sh "$UDPC"
	[[ $status -eq 0 ]]
	[[ $output == *'recvfrom(client, ..., 512, MSG_DONTWAIT) = -1 ECONNREFUSED (Connection refused)'* ]]
	[[ $output == *'"local":"198.18.0.2"'* ]]
}
