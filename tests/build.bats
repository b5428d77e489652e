#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# The build and the shape of the harness library: header dependencies are
# exact (make -MMD -MP), and no harness/ or netns/ file or function outgrows
# its limit (scripts/size-check).
bats_require_minimum_version 1.5.0

setup() {
	BUILD=${UDPC_BUILD:-build}
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# rebuilt HEADER: what `make all` would compile if HEADER were touched
# (make -n -W: "what if", nothing is touched), one target a line.
rebuilt() {
	make -s -n -W "$1" BUILD="$BUILD" all 2>/dev/null | grep -e '-MMD' |
		grep -o -e '-o [^ ]*' | cut -c4- | sort -u
}

# includers HEADER: the targets whose compiler-written dependencies name HEADER.
includers() {
	grep -l -x -e " *$1 *\\\\\\?" -e "$1:" -r "$BUILD/deps" --include='*.d' 2>/dev/null |
		sed "s|^$BUILD/deps/|$BUILD/|; s|\\.d\$||" | sort -u
}

@test "touching a header recompiles exactly the objects that include it (and relinks what links them)" {
	[[ -d $BUILD/deps/harness ]] || skip "no build in $BUILD: run make first"
	make -s -q BUILD="$BUILD" all 2>/dev/null || skip "$BUILD is not up to date: run make first"
	local h checked=0
	for h in harness/*.h netns/*.h; do
		includers "$h" >"$TMP/want"
		rebuilt "$h" >"$TMP/got"
		# Objects (.o) are compiled one by one: exactly the includers.
		if ! diff <(grep '\.o$' "$TMP/want") <(grep '\.o$' "$TMP/got") >"$TMP/diff"; then
			echo "$h: objects recompiled (>) differ from those that include it (<):" >&2
			cat "$TMP/diff" >&2
			return 1
		fi
		# A program is compiled and linked in one step: every includer is
		# rebuilt, and, when no library object includes the header, nothing else.
		if ! comm -23 <(grep -v '\.o$' "$TMP/want") <(grep -v '\.o$' "$TMP/got") | diff /dev/null - >&2; then
			echo "$h: programs above include it but are not rebuilt" >&2
			return 1
		fi
		if ! grep -q '\.o$' "$TMP/want" && ! diff "$TMP/want" "$TMP/got" >&2; then
			echo "$h: included by no library object, yet other programs are rebuilt" >&2
			return 1
		fi
		checked=$((checked + 1))
	done
	((checked > 20))
}

@test "size-check passes on the tree as it is" {
	run scripts/size-check
	[[ $status -eq 0 ]]
	[[ $output == "size: "*" files within 400 lines, every function within 50" ]]
}

# body N: a C function whose body is N lines.
body() {
	printf 'int f(int a)\n{\n'
	for ((i = 0; i < $1; i++)); do printf '\ta++; /* { */\n'; done
	printf '\treturn a; /* "}" */\n}\n'
}

@test "size-check names a function of 51 lines and passes one of 50, whatever braces its comments hold" {
	body 49 >"$TMP/ok.c"
	run scripts/size-check "$TMP/ok.c"
	[[ $status -eq 0 ]]
	body 50 >"$TMP/long.c"
	run scripts/size-check "$TMP/long.c"
	[[ $status -eq 1 ]]
	[[ $output == "size: $TMP/long.c:2: f() is 51 lines (limit 50): split it into named steps" ]]
}

@test "size-check does not take an initialiser or a struct for a function" {
	{
		printf 'static const int t[] = {\n'
		for ((i = 0; i < 60; i++)); do printf '\t%d,\n' "$i"; done
		printf '};\nstruct s {\n'
		for ((i = 0; i < 60; i++)); do printf '\tint m%d;\n' "$i"; done
		printf '};\n'
	} >"$TMP/data.c"
	run scripts/size-check "$TMP/data.c"
	[[ $status -eq 0 ]]
}

@test "size-check names a file over 400 lines" {
	for ((i = 0; i < 401; i++)); do echo "/* $i */"; done >"$TMP/big.h"
	run scripts/size-check "$TMP/big.h"
	[[ $status -eq 1 ]]
	[[ $output == "size: $TMP/big.h: 401 lines (limit 400): split it by object" ]]
}
