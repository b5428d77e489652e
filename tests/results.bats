#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# What a real run writes, checked against what reads it: every JSON file
# against its schema (docs/schema), junit.xml against its XSD, ktap.txt by
# the kernel's own KTAP parser (kunit.py parse, from Debian's linux-source
# 6.1 and 6.12), each giving the same counts as the run's own summary.
bats_require_minimum_version 1.5.0

setup_file() {
	export BUILD=${UDPC_BUILD:-build}
	export RUN_ROOT=$BATS_FILE_TMPDIR/results
	# Rules of every verdict this kernel gives: PASS, SKIP (a family that
	# does not apply) and XFAIL (the known divergences).
	RESULTS=$RUN_ROOT UDPC_REPORT=$BATS_FILE_TMPDIR/REPORT.md \
		RULES='udp.send.* udp.disconnect.* udp.errors.refused_only_when_connected' \
		scripts/check >"$BATS_FILE_TMPDIR/check.log" 2>&1 || true
	RUN=$RUN_ROOT/$(uname -r)
	export RUN
}

# counts JQ: the run's counts as results.json gives them.
counts() {
	jq -r "$1" "$RUN/results.json"
}

@test "every record, run.json and results.json are valid against their schemas" {
	[[ -s $RUN/results.jsonl ]]
	scripts/validate record "$RUN/results.jsonl"
	scripts/validate run "$RUN/run.json"
	scripts/validate results "$RUN/results.json"
	# and the probes wrote every one of the selected records
	[[ $(counts .complete) == true ]]
	(( $(wc -l <"$RUN/results.jsonl") == $(wc -l <"$RUN/selection.txt") * 3 ))
}

@test "junit.xml is valid against the JUnit XSD, one testcase per rule x family, named by id and family" {
	xmllint --noout --schema docs/schema/junit.xsd "$RUN/junit.xml"
	run xmllint --xpath 'count(//testcase)' "$RUN/junit.xml"
	(( output == $(wc -l <"$RUN/results.jsonl") ))
	run xmllint --xpath 'string(//testcase[@classname="udp.send.unconnected_send_edestaddrreq"][@name="ipv6"]/@name)' "$RUN/junit.xml"
	[[ $output == ipv6 ]]
	run xmllint --xpath 'count(//testcase/skipped)' "$RUN/junit.xml"
	(( output == $(counts '.counts.SKIP + .counts.XFAIL') ))
	run xmllint --xpath 'string(//property[@name="kernel.release"]/@value)' "$RUN/junit.xml"
	[[ $output == "$(uname -r)" ]]
}

# kunit_counts VERSION: "passed failed skipped" as that kernel's kunit.py
# parse reads ktap.txt.
kunit_counts() {
	local tools
	tools=$(scripts/kernel-tools "$1")
	/usr/bin/python3 "$tools/tools/testing/kunit/kunit.py" parse "$(realpath "$RUN/ktap.txt")" 2>&1 |
		grep 'Testing complete' | awk '{
			for (i = 1; i <= NF; i++) { k = $i; sub(/:$/, "", k); v = $(i + 1); sub(/,$/, "", v); n[k] = v }
			print n["passed"] + 0, n["failed"] + 0, n["skipped"] + 0 }'
}

@test "the kernel's KTAP parser (6.1 and 6.12) counts ktap.txt as the run does" {
	local want version got
	want=$(counts '.counts | "\(.PASS + .XFAIL + .XPASS) \(.FAIL + .ERROR + .TIMEOUT) \(.SKIP)"')
	for version in 6.1 6.12; do
		got=$(kunit_counts "$version")
		[[ $got == "$want" ]] || { echo "kunit.py $version: $got, the run: $want"; return 1; }
	done
}

@test "a known divergence is XFAIL in the probe's KTAP, ktap.txt, junit.xml and results.json alike" {
	(( $(counts .counts.XFAIL) >= 1 ))
	grep -q '^    ok [0-9]* mapped # XFAIL' "$RUN/ktap.txt"
	grep -q '^ok [0-9]* mapped # XFAIL' "$RUN/probes/udp.send.ipv6_af_unspec_destination_means_none.ktap"
	run xmllint --xpath 'string(//testcase[@classname="udp.send.ipv6_af_unspec_destination_means_none"][@name="mapped"]/skipped/@type)' "$RUN/junit.xml"
	[[ $output == XFAIL ]]
}
