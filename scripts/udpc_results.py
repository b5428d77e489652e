"""Reads udpconform results, defensively, into one document.

A results folder (results/<kernel-release>/) holds what one `make check`
wrote: results.jsonl (one record per rule x family, from the probes) and
run.json (the machine and the run, from scripts/check).  scripts/report turns
them into results.json, schema "udpconform-run/1" (docs/results-schema.md);
scripts/compare reads either form.

Every problem with the input is an InputError naming the file and the
problem in one line; callers print it and exit 2.  Nothing here trusts a
field's presence or type: a record may lack fields (a probe that died as a
whole leaves one record with no checks and no transcript), but a field that
is there must have the documented type.
"""

import json
import os
import re
import sys

DOCUMENT_SCHEMA = "udpconform-run/1"
RECORD_SCHEMA = 1
FAMILIES = ("ipv4", "ipv6", "mapped", "all")
VERDICTS = ("PASS", "FAIL", "SKIP", "ERROR", "XFAIL", "XPASS", "TIMEOUT")
# Record schema 2's verdicts in the terms this reader still uses (bridge
# until the results reader is rewritten for schema 2).
SCHEMA2_AS = {"XFAIL": ("FAIL", True), "XPASS": ("PASS", False), "TIMEOUT": ("ERROR", False)}
SOURCES = ("POSIX", "BSD", "Linux")

# Limits that keep a broken or hostile file from becoming a broken report.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_STRING = 16 * 1024
MAX_LIST = 10000
MAX_RECORDS = 100000
RULE_ID = re.compile(r"udp\.[a-z0-9_]+\.[a-z0-9_]+")


class InputError(Exception):
    """A results file that cannot be used: where, and what is wrong."""

    def __init__(self, path, problem):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# ---- reading files ---------------------------------------------------------


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


def one_line(text, limit=200):
    """Text fit for a one-line message: no control characters, bounded."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---- checking types --------------------------------------------------------


class Checker:
    """Type checks for the fields of one JSON object, errors naming the field."""

    def __init__(self, path, where):
        self.path = path
        self.where = where

    def fail(self, field, problem):
        place = f"{self.where}: " if self.where else ""
        raise InputError(self.path, f"{place}{field}: {problem}")

    def object(self, value, field):
        if not isinstance(value, dict):
            self.fail(field, f"expected an object, found {json_type(value)}")
        return value

    def string(self, value, field):
        if not isinstance(value, str):
            self.fail(field, f"expected a string, found {json_type(value)}")
        if len(value) > MAX_STRING:
            self.fail(field, f"string longer than {MAX_STRING} characters")
        return value

    def boolean(self, value, field):
        if not isinstance(value, bool):
            self.fail(field, f"expected true or false, found {json_type(value)}")
        return value

    def number(self, value, field):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, f"expected a number, found {json_type(value)}")
        if value < 0 or value > 1e12:
            self.fail(field, f"number {value} out of range")
        return value

    def integer(self, value, field):
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"expected an integer, found {json_type(value)}")
        return value

    def one_of(self, value, field, allowed):
        self.string(value, field)
        if value not in allowed:
            self.fail(field, f"{one_line(value, 40)!r} is not one of {', '.join(allowed)}")
        return value

    def array(self, value, field):
        if not isinstance(value, list):
            self.fail(field, f"expected an array, found {json_type(value)}")
        if len(value) > MAX_LIST:
            self.fail(field, f"more than {MAX_LIST} entries")
        return value

    def strings(self, value, field):
        return [self.string(v, f"{field}[{i}]") for i, v in enumerate(self.array(value, field))]

    def get(self, obj, key, kind, default, *args):
        """obj[key] checked as kind ("string", "boolean", ...), or default if absent."""
        if key not in obj:
            return default
        return getattr(self, kind)(obj[key], key, *args)

    def need(self, obj, key, kind, *args):
        if key not in obj:
            self.fail(key, "missing")
        return getattr(self, kind)(obj[key], key, *args)


def json_type(value):
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


# ---- one record (a line of results.jsonl) -----------------------------------


def record_check(path, raw, where):
    """A results.jsonl record, checked and with every optional field filled in."""
    c = Checker(path, where)
    c.object(raw, "record")
    schema = c.need(raw, "schema", "integer")
    if schema not in (RECORD_SCHEMA, 2):
        c.fail("schema", f"version {schema}, this reader knows {RECORD_SCHEMA} and 2")
    rule_id = c.need(raw, "id", "string")
    if not RULE_ID.fullmatch(rule_id):
        c.fail("id", f"{one_line(rule_id, 60)!r} is not udp.<topic>.<claim>")
    return {
        "id": rule_id,
        "topic": c.get(raw, "topic", "string", rule_id.split(".")[1]),
        "sentence": c.get(raw, "sentence", "string", ""),
        "why": c.get(raw, "why", "string", ""),
        "topology": c.get(raw, "topology", "string", ""),
        "families": c.get(raw, "families", "strings", []),
        "outcomes": outcomes_check(c, raw.get("outcomes", [])),
        "tool": c.get(raw, "tool", "string", ""),
        "family": c.need(raw, "family", "one_of", FAMILIES),
        **dict(zip(("verdict", "known"), SCHEMA2_AS.get(
            c.need(raw, "verdict", "one_of", VERDICTS), (raw["verdict"], c.get(raw, "known", "boolean", False))))),
        "reason": c.get(raw, "reason", "string", ""),
        "checks": checks_check(c, raw.get("checks", [])),
        "transcript": c.get(raw, "transcript", "strings", []),
        "notes": c.get(raw, "notes", "strings", []),
        "kernel": c.get(raw, "kernel", "string", ""),
        "duration_ms": c.get(raw, "duration_ms", "number", 0),
    }


def outcomes_check(c, raw):
    out = []
    for i, o in enumerate(c.array(raw, "outcomes")):
        field = f"outcomes[{i}]"
        c.object(o, field)
        sub = Checker(c.path, f"{c.where}: {field}" if c.where else field)
        out.append({
            "source": sub.need(o, "source", "one_of", SOURCES),
            "cite": sub.get(o, "cite", "string", ""),
            "expects": sub.need(o, "expects", "string"),
        })
    return out


def checks_check(c, raw):
    out = []
    for i, k in enumerate(c.array(raw, "checks")):
        field = f"checks[{i}]"
        c.object(k, field)
        sub = Checker(c.path, f"{c.where}: {field}" if c.where else field)
        out.append({
            "ok": sub.need(k, "ok", "boolean"),
            "call": sub.get(k, "call", "string", ""),
            "expected": sub.get(k, "expected", "string", ""),
            "observed": sub.get(k, "observed", "string", ""),
        })
    return out


# ---- the run (run.json) -----------------------------------------------------


def run_check(path, raw):
    """run.json, checked, as the document's "run" and "machine" parts."""
    c = Checker(path, "")
    c.object(raw, "run.json")
    schema = c.need(raw, "schema", "integer")
    if schema != RECORD_SCHEMA:
        c.fail("schema", f"version {schema}, this reader knows {RECORD_SCHEMA}")
    kernel = c.need(raw, "kernel", "object")
    k = Checker(path, "kernel")
    sysctls = c.get(raw, "sysctls", "object", {})
    s = Checker(path, "sysctls")
    machine = {
        "kernel_release": k.need(kernel, "release", "string"),
        "kernel_version": k.get(kernel, "version", "string", ""),
        "arch": k.get(kernel, "arch", "string", ""),
        "distribution": c.get(raw, "distribution", "string", ""),
        "sysctls": {s.string(name, "name"): s.string(v, name) for name, v in sorted(sysctls.items())},
    }
    if not machine["kernel_release"]:
        k.fail("release", "empty")
    run = {
        "tool": c.get(raw, "tool", "string", ""),
        "date": c.get(raw, "date", "string", ""),
        "wall_s": c.get(raw, "wall_s", "number", 0),
        "command": c.get(raw, "command", "string", ""),
        "rules": c.get(raw, "rules", "string", ""),
        "families": c.get(raw, "families", "string", ""),
    }
    # make matrix: the emulator a guest ran under, and what went wrong with
    # a guest that never sent its results (its last console lines).
    emulation = c.get(raw, "emulation", "string", "")
    if emulation:
        run["emulation"] = emulation
    error = c.get(raw, "error", "object", None)
    if error is not None:
        e = Checker(path, "error")
        run["error"] = {
            "reason": e.need(error, "reason", "string"),
            "console": [e.string(line, "console") for line in e.get(error, "console", "array", [])],
        }
    return run, machine


# ---- the document ------------------------------------------------------------


def family_order(family):
    return FAMILIES.index(family)


RULE_FIELDS = ("id", "topic", "sentence", "why", "topology", "families", "outcomes")
RESULT_FIELDS = ("family", "verdict", "known", "reason", "checks", "transcript",
                 "notes", "duration_ms")


def document_build(path, records, run, machine):
    """The udpconform-run/1 document from checked records and run.json."""
    rules = {}
    seen = set()
    for where, rec in records:
        key = (rec["id"], rec["family"])
        if key in seen:
            raise InputError(path, f"{where}: second record for {rec['id']} family {rec['family']}")
        seen.add(key)
        rule = rules.setdefault(rec["id"], {f: rec[f] for f in RULE_FIELDS} | {"results": []})
        rule["results"].append({f: rec[f] for f in RESULT_FIELDS})
    for rule in rules.values():
        rule["results"].sort(key=lambda r: family_order(r["family"]))
    ordered = sorted(rules.values(), key=lambda r: (r["topic"], r["id"]))
    if not run["tool"] and records:
        run["tool"] = records[0][1]["tool"]
    return {
        "schema": DOCUMENT_SCHEMA,
        "tool": run.pop("tool"),
        "run": run,
        "machine": machine,
        "counts": counts_of(ordered),
        "rules": ordered,
    }


def verdict_class(result):
    """PASS, FAIL, KNOWN (a FAIL the rule documents), SKIP or ERROR."""
    if result["verdict"] == "FAIL" and result["known"]:
        return "KNOWN"
    return result["verdict"]


CLASSES = ("PASS", "FAIL", "KNOWN", "SKIP", "ERROR")


def counts_of(rules):
    counts = dict.fromkeys(CLASSES, 0)
    for rule in rules:
        for result in rule["results"]:
            counts[verdict_class(result)] += 1
    return counts


def results_dir_load(folder):
    """A results folder as written by scripts/check."""
    jsonl = os.path.join(folder, "results.jsonl")
    run_path = os.path.join(folder, "run.json")
    run, machine = run_check(run_path, json_parse(run_path, file_read_text(run_path)))
    records = []
    for number, line in enumerate(file_read_text(jsonl).splitlines(), 1):
        if not line.strip():
            continue
        if len(records) >= MAX_RECORDS:
            raise InputError(jsonl, f"more than {MAX_RECORDS} records")
        where = f"line {number}"
        records.append((where, record_check(jsonl, json_parse(jsonl, line, where), where)))
    return document_build(jsonl, records, run, machine)


def results_json_load(path):
    """A results.json document, checked field by field like its sources."""
    raw = json_parse(path, file_read_text(path))
    c = Checker(path, "")
    c.object(raw, "document")
    schema = c.need(raw, "schema", "string")
    if schema != DOCUMENT_SCHEMA:
        c.fail("schema", f"{one_line(schema, 40)!r}, this reader knows {DOCUMENT_SCHEMA}")
    run_raw = c.need(raw, "run", "object")
    machine_raw = c.need(raw, "machine", "object")
    as_run_json = run_raw | {
        "schema": RECORD_SCHEMA,
        "tool": raw.get("tool", ""),
        "kernel": {"release": machine_raw.get("kernel_release"),
                   "version": machine_raw.get("kernel_version", ""),
                   "arch": machine_raw.get("arch", "")},
        "distribution": machine_raw.get("distribution", ""),
        "sysctls": machine_raw.get("sysctls", {}),
    }
    run, machine = run_check(path, as_run_json)
    records = []
    for i, rule in enumerate(c.need(raw, "rules", "array")):
        c.object(rule, f"rules[{i}]")
        results = Checker(path, f"rules[{i}]").need(rule, "results", "array")
        for j, result in enumerate(results):
            where = f"rules[{i}].results[{j}]"
            Checker(path, where).object(result, "result")
            flat = {f: rule[f] for f in RULE_FIELDS if f in rule} | result
            records.append((where, record_check(path, flat | {"schema": RECORD_SCHEMA}, where)))
    return document_build(path, records, run, machine)


def run_load(path):
    """A results folder or a results.json file, as a document."""
    if os.path.isdir(path):
        if os.path.exists(os.path.join(path, "results.jsonl")):
            return results_dir_load(path)
        if os.path.exists(os.path.join(path, "results.json")):
            return results_json_load(os.path.join(path, "results.json"))
        raise InputError(path, "neither results.jsonl nor results.json in this folder")
    return results_json_load(path)


def runs_load(paths):
    """Several runs, each of a different kernel release."""
    docs = []
    seen = {}
    for path in paths:
        doc = run_load(path)
        release = doc["machine"]["kernel_release"]
        if release in seen:
            raise InputError(path, f"kernel {release} is already given by {seen[release]}; "
                                   "compare runs of different kernels")
        seen[release] = path
        docs.append(doc)
    return docs


# ---- what reports need from a document ---------------------------------------


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
    m = doc["machine"]
    return m["kernel_release"]


def run_description(doc):
    m, r = doc["machine"], doc["run"]
    wall = f"{r['wall_s']:.1f} s" if r["wall_s"] else ""
    emulated = f"under {r['emulation']}" if r.get("emulation") else ""
    parts = [p for p in (m["distribution"], m["arch"], r["date"], wall, emulated) if p]
    return ", ".join(text_clean(p) for p in parts)


def main_guarded(prog, main, argv):
    """main(argv), with no traceback on the way out: a bug in this script is
    one line and exit 70 (UDPC_DEBUG=1 shows the traceback)."""
    try:
        return main(argv)
    except InputError as e:
        print(f"{prog}: {one_line(str(e), 400)}", file=sys.stderr)
        return 2
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
