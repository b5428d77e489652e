# SPDX-License-Identifier: GPL-2.0-only
"""A results folder (results.jsonl, run.json, ktap/) read into one document.

The probes write results.jsonl, one record per rule x family; runinfo
writes run.json.  Both are checked against their JSON Schema (schema.py):
what breaks it is an InputError naming the file and the problem in one
line, which callers print before exiting 2.  The document this builds,
"udpconform-run/2" (docs/schema/results.schema.json), also says whether
the run is complete: every selected rule x family recorded exactly once, and
the run not interrupted.  A run that is not complete never passes.
"""

import json
import os
import re
import sys

from . import schema

DOCUMENT_SCHEMA = "udpconform-run/2"
FAMILIES = ("ipv4", "ipv6", "mapped")
VERDICTS = ("PASS", "FAIL", "XFAIL", "XPASS", "SKIP", "ERROR", "TIMEOUT")
SOURCES = ("POSIX", "BSD", "Linux")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_RECORDS = 100000

RULE_FIELDS = ("id", "topic", "sentence", "why", "topology", "families", "skip_why",
               "outcomes", "tags")
RESULT_FIELDS = ("family", "verdict", "fails_run", "known", "reason", "checks", "transcript",
                 "notes", "duration_ms")


class InputError(Exception):
    """A results file that cannot be used: where, and what is wrong."""

    def __init__(self, path, problem):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# ---- reading files ---------------------------------------------------------------


def file_read_text(path):
    """The file's text, or InputError if it is missing, huge or not UTF-8."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, expected a file") from None
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, f"larger than {MAX_FILE_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte {e.start})") from None


def json_reject_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def json_parse(path, text, where=""):
    """One JSON value; NaN, Infinity and runaway nesting are errors."""
    prefix = f"{where}: " if where else ""
    try:
        return json.loads(text, parse_constant=json_reject_constant)
    except RecursionError:
        raise InputError(path, f"{prefix}JSON nested too deeply") from None
    except ValueError as e:
        raise InputError(path, f"{prefix}not JSON ({one_line(str(e))})") from None


def json_checked(kind, path, value, where=""):
    """value, if it is valid against the schema of kind; else InputError."""
    found = schema.problems(kind, value)
    if found:
        prefix = f"{where}: " if where else ""
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise InputError(path, f"{prefix}not a valid {kind}: {one_line(found[0], 240)}{more}")
    return value


def one_line(text, limit=200):
    """Text fit for a one-line message: no control characters, bounded."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def records_read(path):
    """[(where, record)] of a results.jsonl, each valid against record.schema.json."""
    records = []
    for number, line in enumerate(file_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        if len(records) >= MAX_RECORDS:
            raise InputError(path, f"more than {MAX_RECORDS} records")
        where = f"line {number}"
        records.append((where, json_checked("record", path, json_parse(path, line, where), where)))
    return records


def run_read(path):
    return json_checked("run", path, json_parse(path, file_read_text(path)))


# ---- the document ----------------------------------------------------------------


def family_order(family):
    return FAMILIES.index(family)


def expected_keys(selection):
    return {(rule_id, family) for rule_id in selection["ids"] for family in selection["families"]}


def document_build(path, records, run):
    """The udpconform-run/2 document from checked records and run.json."""
    selection = run["selection"]
    wanted = expected_keys(selection)
    rules, seen = {}, set()
    for where, rec in records:
        key = (rec["id"], rec["family"])
        if key in seen:
            raise InputError(path, f"{where}: second record for {rec['id']} family {rec['family']}")
        if key not in wanted:
            raise InputError(path, f"{where}: {rec['id']} family {rec['family']} was not selected "
                                   "by this run (run.json selection)")
        seen.add(key)
        rule = rules.setdefault(rec["id"], {f: rec[f] for f in RULE_FIELDS if f in rec} | {"results": []})
        rule["results"].append({f: rec[f] for f in RESULT_FIELDS if f in rec})
    for rule in rules.values():
        rule["results"].sort(key=lambda r: family_order(r["family"]))
    ordered = sorted(rules.values(), key=lambda r: (r["topic"], r["id"]))
    missing = sorted(f"{i}.{f}" for i, f in wanted - seen)
    run_part = {k: run[k] for k in ("date", "wall_s", "command", "runner", "jobs", "selection",
                                    "interrupted", "emulation", "error", "label", "guest") if k in run}
    return {
        "schema": DOCUMENT_SCHEMA,
        "tool": run["tool"],
        "run": run_part,
        "machine": {"kernel_release": run["kernel"]["release"],
                    "kernel_version": run["kernel"]["version"],
                    "arch": run["kernel"]["arch"],
                    "distribution": run["distribution"],
                    "sysctls": run["sysctls"]},
        "complete": not missing and "interrupted" not in run and "error" not in run,
        "missing": missing,
        "counts": counts_of(ordered),
        "rules": ordered,
    }


def counts_of(rules):
    counts = dict.fromkeys(VERDICTS, 0)
    for rule in rules:
        for result in rule["results"]:
            counts[result["verdict"]] += 1
    return counts


def run_passed(doc):
    """The run passes when it is complete and no record fails it.  Which
    verdicts fail a run is the probe's decision (fails_run), made once in C."""
    return doc["complete"] and not any(r["fails_run"] for _, r in records_of(doc))


def results_dir_load(folder):
    """A results folder as a run leaves it."""
    jsonl = os.path.join(folder, "results.jsonl")
    run = run_read(os.path.join(folder, "run.json"))
    records = records_read(jsonl) if os.path.exists(jsonl) or "error" not in run else []
    return document_build(jsonl, records, run)


def results_json_load(path):
    """A results.json document, as checked as its sources."""
    return json_checked("results", path, json_parse(path, file_read_text(path)))


def run_load(path):
    """A results folder or a results.json file, as a document."""
    if os.path.isdir(path):
        if os.path.exists(os.path.join(path, "run.json")):
            return results_dir_load(path)
        if os.path.exists(os.path.join(path, "results.json")):
            return results_json_load(os.path.join(path, "results.json"))
        raise InputError(path, "neither run.json nor results.json in this folder")
    return results_json_load(path)


def runs_load(paths):
    """Several runs, each of a different kernel release."""
    docs, seen = [], {}
    for path in paths:
        doc = run_load(path)
        release = doc["machine"]["kernel_release"]
        if release in seen:
            raise InputError(path, f"kernel {release} is already given by {seen[release]}; "
                                   "compare runs of different kernels")
        seen[release] = path
        docs.append(doc)
    return docs


# ---- what reports need from a document -------------------------------------------


def records_of(doc):
    """(rule, result) pairs in report order."""
    return [(rule, result) for rule in doc["rules"] for result in rule["results"]]


def observed_short(observed):
    """'-1 EAGAIN (Resource temporarily unavailable)' -> 'EAGAIN'."""
    m = re.match(r"-1 (E[A-Z0-9]+)\b", observed)
    return m.group(1) if m else observed


def call_short(call):
    """A transcript line without the strerror text: 'send(...) = -1 EDESTADDRREQ'."""
    return re.sub(r"( = -1 E[A-Z0-9]+) \([^()]*\)$", r"\1", call)


def check_decisive(rule, result):
    """The check that answers the rule's question: the first that failed,
    else the first whose result ("0", "EDESTADDRREQ") the outcomes name,
    else the last."""
    checks = result["checks"]
    if not checks:
        return None
    failed = [k for k in checks if not k["ok"]]
    if failed:
        return failed[0]
    said = set(re.findall(r"[^\s,;]+", " ".join(o["expects"] for o in rule["outcomes"])))
    for k in checks:
        if {observed_short(k["expected"]), observed_short(k["observed"])} & said:
            return k
    return checks[-1]


def text_clean(text):
    """One line of input text as safe to print: no control characters."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "?", text).replace("\n", " ")


def run_label(doc):
    return doc["machine"]["kernel_release"]


def run_description(doc):
    m, r = doc["machine"], doc["run"]
    wall = f"{r['wall_s']:.1f} s" if r["wall_s"] else ""
    emulated = f"under {r['emulation']}" if r.get("emulation") else ""
    parts = [p for p in (m["distribution"], m["arch"], r["date"], wall, emulated) if p]
    return ", ".join(text_clean(p) for p in parts)


def main_guarded(prog, main, argv):
    """main(argv), with no traceback on the way out: bad input is one line and
    exit 2, a file that cannot be written one line and 73, a bug here one
    line and exit 70 (UDPC_DEBUG=1 shows the traceback)."""
    from . import output  # noqa: PLC0415 -- output imports nothing of ours back
    try:
        return main(argv)
    except InputError as e:
        print(f"{prog}: {one_line(str(e), 400)}", file=sys.stderr)
        return 2
    except output.OutputError as e:
        print(f"udpconform: {one_line(str(e), 400)}", file=sys.stderr)
        return 73
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 -- the last line of defence
        if os.environ.get("UDPC_DEBUG") == "1":
            raise
        print(f"{prog}: internal error, please report: {type(e).__name__}: {one_line(str(e))}",
              file=sys.stderr)
        return 70
