#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# scripts/report and scripts/compare: outputs against tests/golden, and the
# reader against malformed input.  Needs python3 and bats only; runs as root
# or not.  After an intended change to the outputs: scripts/update-goldens.

setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	WORK=$BATS_TEST_TMPDIR
	cp -r "$ROOT/tests/fixtures/run-a" "$ROOT/tests/fixtures/run-b" "$WORK/"
}

# expect_input_error FILE_PART CMD...: CMD fails with status 2 and says so in
# one stderr line that names FILE_PART, without a traceback.
expect_input_error() {
	local part=$1
	shift
	local status=0 err
	"$@" >/dev/null 2>"$WORK/stderr" || status=$?
	err=$(cat "$WORK/stderr")
	[[ $status -eq 2 ]] || { echo "status $status, want 2; stderr: $err"; return 1; }
	[[ $(wc -l <"$WORK/stderr") -eq 1 ]] || { echo "want one line, got: $err"; return 1; }
	[[ $err != *Traceback* ]] || { echo "traceback: $err"; return 1; }
	[[ $err == *"$part"* ]] || { echo "message does not name $part: $err"; return 1; }
}

@test "report and compare outputs match tests/golden" {
	"$ROOT/scripts/update-goldens" --out "$WORK/out" >/dev/null
	diff -u "$ROOT/tests/golden" "$WORK/out"
}

@test "results.json is valid JSON that compare reads back like the folder" {
	cd "$WORK"
	"$ROOT/scripts/finish" run-a >/dev/null
	mv run-a/results.jsonl run-a/results.jsonl.orig
	"$ROOT/scripts/compare" run-a/results.json run-b >"$WORK/from-json.md"
	diff -u "$ROOT/tests/golden/compare-a-b.md" "$WORK/from-json.md"
}

@test "finish and report write nothing they cannot stand behind: same input, same bytes" {
	cd "$WORK"
	"$ROOT/scripts/finish" run-a >/dev/null
	"$ROOT/scripts/report" run-a --out one.md >/dev/null
	cp run-a/results.json one.json
	cp run-a/junit.xml one.xml
	"$ROOT/scripts/finish" run-a >/dev/null
	"$ROOT/scripts/report" run-a --out two.md >/dev/null
	cmp one.md two.md
	cmp one.json run-a/results.json
	cmp one.xml run-a/junit.xml
}

@test "an empty results.jsonl (RULES matched nothing) is a report of no records" {
	: >"$WORK/run-a/results.jsonl"
	run "$ROOT/scripts/report" "$WORK/run-a" --out "$WORK/R.md"
	[[ $status -eq 0 ]]
	[[ $output == *"0 rules, 0 records"* ]]
}

@test "missing files are exit 2 with the file named" {
	rm "$WORK/run-a/run.json"
	expect_input_error run.json "$ROOT/scripts/report" "$WORK/run-a"
	expect_input_error nowhere "$ROOT/scripts/compare" "$WORK/nowhere"
	rm "$WORK/run-b/results.jsonl"
	expect_input_error run-b "$ROOT/scripts/compare" "$WORK/run-b"
}

@test "two runs of one kernel release are refused" {
	cp -r "$WORK/run-a" "$WORK/run-a2"
	expect_input_error run-a2 "$ROOT/scripts/compare" "$WORK/run-a" "$WORK/run-a2"
	expect_input_error run-a2 "$ROOT/scripts/report" "$WORK/run-a" --compare "$WORK/run-a2"
}

@test "another schema version is refused" {
	sed -i 's/"schema":2,/"schema":3,/' "$WORK/run-b/results.jsonl"
	expect_input_error results.jsonl "$ROOT/scripts/compare" "$WORK/run-b"
	cd "$WORK"
	"$ROOT/scripts/finish" run-a >/dev/null
	sed -i 's|"udpconform-run/2"|"udpconform-run/3"|' run-a/results.json
	expect_input_error results.json "$ROOT/scripts/compare" run-a/results.json
}

@test "usage errors are exit 2 in one line" {
	expect_input_error usage "$ROOT/scripts/report"
	expect_input_error usage "$ROOT/scripts/report" "$WORK/run-a" --bogus
	expect_input_error usage "$ROOT/scripts/compare"
}

@test "fuzz: every malformed input derived from the fixture is exit 2, one line, no traceback" {
	python3 - "$WORK/run-a" "$WORK/fuzz" <<'PY'
# Derives malformed inputs from the good fixture, the same ones every run.
import copy, json, os, random, sys

src, dest = sys.argv[1], sys.argv[2]
lines = open(os.path.join(src, "results.jsonl"), encoding="utf-8").read().splitlines()
run = open(os.path.join(src, "run.json"), encoding="utf-8").read()
record, run_obj = json.loads(lines[0]), json.loads(run)
cases = []

def add(name, jsonl=None, run_json=None, names=None):
    jsonl = "\n".join(lines) + "\n" if jsonl is None else jsonl
    run_json = run if run_json is None else run_json
    cases.append((name, jsonl, run_json, names))

def with_record(rec):
    return "\n".join([json.dumps(rec)] + lines[1:]) + "\n"

# Values of every JSON type; each field gets those not of its own type.
SAMPLES = {"null": None, "bool": True, "int": 7, "str": "x", "list": [], "obj": {}}
def kind(v):
    return {bool: "bool", int: "int", float: "int", str: "str", list: "list", dict: "obj"}.get(type(v), "null")

def wrong_types(obj, path, emit):
    for key, value in obj.items():
        for name, sample in SAMPLES.items():
            if name != kind(value):
                emit(f"{'.'.join(map(str, path + [key]))}-{name}", path + [key], sample)

def set_at(obj, path, value):
    obj = copy.deepcopy(obj)
    target = obj
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return obj

def record_case(label, path, value):
    add(f"record-{label}", jsonl=with_record(set_at(record, path, value)), names="results.jsonl")
def run_case(label, path, value):
    add(f"run-{label}", run_json=json.dumps(set_at(run_obj, path, value)), names="run.json")

wrong_types(record, [], record_case)
wrong_types(record["checks"][0], ["checks", 0], record_case)
wrong_types(record["outcomes"][0], ["outcomes", 0], record_case)
record_case("transcript-item", ["transcript", 0], 5)
record_case("family-unknown", ["family"], "ipv5")
record_case("verdict-unknown", ["verdict"], "MAYBE")
record_case("id-shape", ["id"], "not a rule id")
record_case("schema-3", ["schema"], 3)
record_case("duration-negative", ["duration_ms"], -1)
record_case("sentence-huge", ["sentence"], "A" * 1000000)
record_case("transcript-huge", ["transcript"], ["x"] * 20000)
record_case("checks-nested", ["checks"], json.loads("[" * 50 + "]" * 50))
wrong_types(run_obj, [], run_case)
wrong_types(run_obj["kernel"], ["kernel"], run_case)
run_case("sysctl-value", ["sysctls", "net.ipv6.bindv6only"], 0)
run_case("release-empty", ["kernel", "release"], "")
run_case("schema-3", ["schema"], 3)
run_case("date-huge", ["date"], "2" * 100000)
for drop in ("schema", "id", "family", "verdict"):
    rec = dict(record); del rec[drop]
    add(f"record-missing-{drop}", jsonl=with_record(rec), names="results.jsonl")
for cut in (1, 10, len(lines[0]) // 2, len(lines[0]) - 1):
    add(f"jsonl-truncated-{cut}", jsonl="\n".join([lines[0][:cut]] + lines[1:]), names="results.jsonl")
    add(f"run-truncated-{cut}", run_json=run[:min(cut, len(run) - 2)], names="run.json")
add("run-empty", run_json="", names="run.json")
add("jsonl-not-object", jsonl="[1, 2]\n", names="results.jsonl")
import re as _re
add("jsonl-nan", jsonl=_re.sub(r'"duration_ms": ?[0-9.]+', '"duration_ms": NaN', with_record(record), count=1), names="results.jsonl")
add("jsonl-duplicate", jsonl=lines[0] + "\n" + lines[0] + "\n", names="results.jsonl")
add("jsonl-deep", jsonl="[" * 100000 + "]" * 100000 + "\n", names="results.jsonl")
add("run-deep", run_json='{"a":' * 100000 + "1" + "}" * 100000, names="run.json")
garbage = random.Random(1)
for i in range(4):
    blob = bytes(garbage.randrange(256) for _ in range(4096))
    add(f"jsonl-garbage-{i}", jsonl=blob.decode("latin-1"), names="results.jsonl")
    add(f"run-garbage-{i}", run_json=blob.decode("latin-1"), names="run.json")

for name, jsonl, run_json, names in cases:
    d = os.path.join(dest, name)
    os.makedirs(d)
    enc = "latin-1" if "garbage" in name else "utf-8"
    open(os.path.join(d, "results.jsonl"), "w", encoding=enc).write(jsonl)
    open(os.path.join(d, "run.json"), "w", encoding=enc).write(run_json)
    open(os.path.join(d, "names"), "w").write(names)
PY
	local n=0 case
	for case in "$WORK"/fuzz/*/; do
		expect_input_error "$(cat "$case/names")" "$ROOT/scripts/report" "$case" --out "$WORK/F.md" ||
			{ echo "case $(basename "$case")"; return 1; }
		n=$((n + 1))
	done
	echo "# $n malformed inputs" >&3
	((n > 100))
}

@test "the Performance section teaches from docs/cost.md and draws the ratio and its spread (ratio.svg)" {
	cp -r "$ROOT/tests/fixtures/bench" "$WORK/bench"
	run "$ROOT/scripts/perf" "$WORK/bench"
	[[ $status -eq 0 ]]
	[[ $output == *"**Linux does no temporary connect.**"* ]]
	[[ $output == *"| loopback IPv4 16 B | ×1.15 (1.13–1.20) | ×1.02 (1.00–1.04) |"* ]]
	[[ $output != *"temporary connect ≈ 1/3"* ]]
	xmllint --noout "$WORK/bench/ratio.svg"
	# One bar per setting and way, each with its whisker.
	[[ $(grep -c '<rect x=.* fill="#' "$WORK/bench/ratio.svg") -eq $((8 * 2 + 2)) ]]
}

@test "beside REPORT.md: MATRIX.md and, with the guests' benchmarks, the two plots across kernels" {
	cp "$ROOT/tests/fixtures/bench/bench.json" "$WORK/run-a/"
	cp "$ROOT/tests/fixtures/bench/bench.json" "$WORK/run-b/"
	mkdir "$WORK/out"
	(cd "$WORK" && "$ROOT/scripts/report" run-a --out out/REPORT.md --compare run-b >/dev/null)
	[[ -s $WORK/out/MATRIX.md ]]
	grep -qxF '![lookup cost vs N per kernel](matrix-lookup.svg)' "$WORK/out/REPORT.md"
	grep -qxF '![§8.11.2 ratio per kernel](matrix-ratio.svg)' "$WORK/out/REPORT.md"
	xmllint --noout "$WORK/out/matrix-lookup.svg" "$WORK/out/matrix-ratio.svg"
	# One bar per kernel, the fixture's ratio on each, and the line at 1.
	[[ $(grep -o '<rect x=' "$WORK/out/matrix-ratio.svg" | wc -l) -eq 2 ]]
	[[ $(grep -o '>1.15</text>' "$WORK/out/matrix-ratio.svg" | wc -l) -eq 2 ]]
	grep -q 'stroke-dasharray' "$WORK/out/matrix-ratio.svg"
	# One line per kernel: the ipv4 series, 4 points each.
	[[ $(grep -o '<polyline ' "$WORK/out/matrix-lookup.svg" | wc -l) -eq 2 ]]
}
