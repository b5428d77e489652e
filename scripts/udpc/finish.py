# SPDX-License-Identifier: GPL-2.0-only
"""finish DIR: the one writer of a results folder's documents.

From results.jsonl (the probes' records), ktap/ (each probe's own KTAP) and
run.json it writes results.json (docs/schema/results.schema.json), ktap.txt
and junit.xml.  Exit 0 if the run passed, 1 if it did not (a record fails
it, or it is incomplete: every selected rule x family needs one record),
2 unusable input, 73 a file that could not be written.
"""

import json
import os
import sys

from . import junit, ktap, output
from . import results as ur


def finish(folder):
    doc = ur.results_dir_load(folder)
    ur.json_checked("results", os.path.join(folder, "results.json"), doc)
    output.file_write(os.path.join(folder, "results.json"),
                      json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    output.file_write(os.path.join(folder, "ktap.txt"), ktap.ktap_text(doc, os.path.join(folder, "probes")))
    output.file_write(os.path.join(folder, "junit.xml"), junit.junit_text(doc))
    return doc


def main(argv):
    if len(argv) != 1 or argv[0].startswith("-"):
        print("finish: usage: finish RESULTS_DIR", file=sys.stderr)
        return 64
    try:
        doc = finish(argv[0])
    except output.OutputError as e:
        print(f"udpconform: {e}", file=sys.stderr)
        return 73
    if doc["missing"]:
        shown = ", ".join(doc["missing"][:5]) + (", ..." if len(doc["missing"]) > 5 else "")
        total = len(doc["missing"]) + sum(len(r["results"]) for r in doc["rules"])
        print(f"udpconform: run incomplete: {len(doc['missing'])} of {total} records missing: {shown}",
              file=sys.stderr)
    return 0 if ur.run_passed(doc) else 1
