# SPDX-License-Identifier: GPL-2.0-only
"""The documented JSON Schemas (docs/schema/*.schema.json), the one check of
every JSON file udpconform reads or writes.  Readers never restate a schema
by hand: they validate here, then trust the document's shape."""

import datetime
import json
import os
import sys

import jsonschema

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "schema")
BASE = "https://udpconform.invalid/schema/"
KINDS = ("record", "run", "results", "bench")


def date_time_ok(value):
    """RFC 3339 date-time in UTC ("2026-12-01T19:42:43Z")."""
    if not isinstance(value, str):
        return True
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date-time")(date_time_ok)


def schemas_load(folder=SCHEMA_DIR):
    store = {}
    for kind in KINDS:
        with open(os.path.join(folder, f"{kind}.schema.json"), encoding="utf-8") as f:
            doc = json.load(f)
        jsonschema.Draft202012Validator.check_schema(doc)
        store[doc["$id"]] = doc
    return store


STORE = schemas_load()


def validator(kind):
    schema = STORE[BASE + f"{kind}.schema.json"]
    resolver = jsonschema.RefResolver(BASE + f"{kind}.schema.json", schema, store=STORE)
    return jsonschema.Draft202012Validator(schema, resolver=resolver, format_checker=FORMATS)


VALIDATORS = {kind: validator(kind) for kind in KINDS}


def problems(kind, instance):
    """Every way instance breaks the schema of kind, one short line each."""
    out = []
    for e in sorted(VALIDATORS[kind].iter_errors(instance), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        message = e.message if len(e.message) <= 160 else e.message[:157] + "..."
        out.append(f"{where}: {message}")
    return out


def main(argv):
    """validate KIND FILE...: each FILE (a .jsonl: each line) against KIND's
    schema; every problem one line; exit 1 if any."""
    if len(argv) < 2 or argv[0] not in KINDS:
        print(f"usage: validate {'|'.join(KINDS)} FILE...", file=sys.stderr)
        return 64
    bad = 0
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            docs = ([json.loads(line) for line in f if line.strip()] if path.endswith(".jsonl")
                    else [json.load(f)])
        for n, doc in enumerate(docs, 1):
            for problem in problems(argv[0], doc):
                print(f"{path}:{n}: {problem}")
                bad += 1
    return 1 if bad else 0
