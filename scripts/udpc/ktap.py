# SPDX-License-Identifier: GPL-2.0-only
"""ktap.txt: the probes' own KTAP, nested.

Each probe's stdout (kept by the runner as probes/<rule id>.ktap) becomes one
subtest, indented four spaces under "# Subtest: <rule id>", exactly as the
probe printed it; this module adds only the top-level plan, one result line
per rule and the totals.  The kernel's tools/testing/kunit/kunit.py parse
reads it (tests/ktap.bats checks the counts).
"""

import os

from . import results as ur

INDENT = "    "


def rule_result(rule):
    """A rule's own result, as kselftest's runner reads its probe's exit
    status: "not ok" if any family fails the run, "skip" if every family
    was skipped, else "ok"."""
    if any(r["fails_run"] for r in rule["results"]):
        return "not ok"
    if all(r["verdict"] == "SKIP" for r in rule["results"]):
        return "skip"
    return "ok"


def rule_line(number, rule):
    result = rule_result(rule)
    if result == "skip":
        return f"ok {number} {rule['id']} # SKIP every family"
    return f"{result} {number} {rule['id']}"


def subtest_lines(ktap_dir, rule):
    """The probe's KTAP as captured, with the Subtest line after its version line."""
    path = os.path.join(ktap_dir, f"{rule['id']}.ktap")
    text = ur.file_read_text(path) if os.path.exists(path) else ""
    lines = [ur.text_clean(line) for line in text.splitlines()]
    if not lines or lines[0] != "KTAP version 1":
        raise ur.InputError(path, "no KTAP from this rule's probe (the runner keeps every probe's output)")
    return [INDENT + lines[0], f"{INDENT}# Subtest: {rule['id']}"] + [INDENT + line for line in lines[1:]]


def totals(counts):
    return (f"# Totals: pass:{counts['PASS']} fail:{counts['FAIL']} xfail:{counts['XFAIL']} "
            f"xpass:{counts['XPASS']} skip:{counts['SKIP']} error:{counts['ERROR'] + counts['TIMEOUT']}")


def ktap_text(doc, ktap_dir):
    m = doc["machine"]
    lines = ["KTAP version 1",
             ur.text_clean(f"# udpconform {doc['tool']} on Linux {m['kernel_release']} {m['arch']}"),
             f"1..{len(doc['rules']) + (1 if doc['missing'] else 0)}"]
    for number, rule in enumerate(doc["rules"], 1):
        lines += subtest_lines(ktap_dir, rule)
        lines.append(rule_line(number, rule))
    if doc["missing"]:
        lines += [f"# missing: {key}" for key in doc["missing"]]
        lines.append(f"not ok {len(doc['rules']) + 1} udpconform.complete # ERROR "
                     f"{len(doc['missing'])} selected records missing")
    lines.append(totals(doc["counts"]))
    return "\n".join(lines) + "\n"
