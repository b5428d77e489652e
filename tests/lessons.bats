#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# docs/lessons/: the lesson book (scripts/lessons, make lessons).

setup() {
	BUILD=${UDPC_BUILD:-build}
	ROOT=$BATS_TEST_DIRNAME/..
}

requires_rules() {
	[[ -f $BUILD/rules.tsv ]] || skip "no $BUILD/rules.tsv: run make first"
}

@test "every rule is placed in one chapter and translated from its current English; every question names rules" {
	requires_rules
	run "$ROOT/scripts/lessons" --check-data --build "$BUILD"
	[[ $status -eq 0 ]] || { echo "$output"; false; }
}

@test "the data check catches a rule placed twice, a stale translation and an unknown question rule" {
	requires_rules
	data=$BATS_TEST_TMPDIR/lessons
	cp -r "$ROOT/docs/lessons/." "$data"
	line=$(sed -n 2p "$data/data/placement.tsv")
	echo "$line" >>"$data/data/placement.tsv"
	printf 'udp.gone.rule\tabc\tx\ty\n' >>"$data/i18n/zh-CN.tsv"
	printf 'q-x\tconnect\tudp.gone.rule\tq\ta\tq\ta\n' >>"$data/data/questions.tsv"
	UDPC_LESSONS=$data run "$ROOT/scripts/lessons" --check-data --build "$BUILD"
	[[ $status -eq 1 ]]
	[[ $output == *"placed twice"* ]]
	[[ $output == *"udp.gone.rule is no rule (stale)"* ]]
	[[ $output == *"q-x names udp.gone.rule"* ]]
}

@test "every relative link and anchor in docs/lessons resolves" {
	run /usr/bin/python3 "$BATS_TEST_DIRNAME/lessons_check.py" links
	[[ $status -eq 0 ]] || { echo "$output"; false; }
}

@test "every placed rule has its section in one chapter per language (the pages are as new as the data)" {
	run /usr/bin/python3 "$BATS_TEST_DIRNAME/lessons_check.py" rules
	[[ $status -eq 0 ]] || { echo "$output"; echo "regenerate: make lessons"; false; }
}

@test "the topology diagrams are what netns/topo_spec.c describes" {
	[[ -x $BUILD/netns/tools/topologies ]] || skip "no $BUILD/netns/tools/topologies: run make first"
	out=$BATS_TEST_TMPDIR/out
	dot=--no-svg
	command -v dot >/dev/null && dot=
	run "$ROOT/scripts/lessons" --topologies $dot --build "$BUILD" --out "$out"
	[[ $status -eq 0 ]] || { echo "$output"; false; }
	for f in "$out"/diagrams/*; do
		diff -u "$ROOT/docs/lessons/diagrams/${f##*/}" "$f" || {
			echo "docs/lessons/diagrams/${f##*/} is out of date: make lessons"; false; }
	done
}

@test "the book renders: markdown to HTML, and a headless Chromium screenshot of it" {
	/usr/bin/python3 -c 'import markdown' 2>/dev/null || skip "no python3-markdown (scripts/deps --ensure docs)"
	html=$BATS_TEST_TMPDIR/html
	mkdir -p "$html"
	run /usr/bin/python3 "$BATS_TEST_DIRNAME/lessons_check.py" render "$html"
	[[ $status -eq 0 ]] || { echo "$output"; false; }
	command -v chromium >/dev/null || skip "no chromium (scripts/deps --ensure render): HTML only"
	for page in "$html"/*.html; do
		png=${page%.html}.png
		run timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$BATS_TEST_TMPDIR/chromium" --window-size=1100,1600 \
			--screenshot="$png" "file://$page"
		[[ -s $png ]] || { echo "$output"; echo "chromium wrote no screenshot of $page"; false; }
	done
	[[ -z ${UDPC_LESSONS_SHOTS:-} ]] || cp "$html"/*.png "$UDPC_LESSONS_SHOTS"
}
