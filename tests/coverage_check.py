#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""docs/coverage.md against the rules and against itself (tests/coverage.bats).

Checks, and exits 1 with one line per problem:
  - every rule id a row names (`udp.<topic>.<claim>` in backquotes) is a
    probe, cases/<topic>/<claim>.c, in this tree or, when the row marks it
    <!-- branch: NAME -->, on that git branch (until the lead merges it);
  - a row's status agrees with what it names: COVERED names rules and no
    proposal (*italics*), PARTIAL both, MISSING no rule;
  - each peer's ratio line and the summary table hold the numbers the rows
    give, and the "no peer" list names only rules no row names.

--write regenerates the ratio lines, the summary table and the "no peer"
list from the rows (and from the rules of this tree and of the branches
rules-a, rules-b, rules-c and coverage, where they exist).

Runs under Debian's /usr/bin/python3, standard library only.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "coverage.md")
BRANCHES = ("rules-a", "rules-b", "rules-c", "coverage")
STATUSES = ("COVERED", "PARTIAL", "MISSING")
TOGETHER = ("packetimpact", "ltp", "kselftest")

PEER = re.compile(r"^<!-- peer: ([a-z-]+); title: (.+?); excluded: (\d+) -->$")
RATIO = re.compile(r"^<!-- ratio: ([a-z-]+) -->")
ROW = re.compile(r"^\| ([A-Z]\d+) \|")
RULE = re.compile(r"`(udp\.([a-z0-9_]+)\.([a-z0-9_]+))`(\s*<!-- branch: ([a-z0-9-]+) -->)?")
PROPOSAL = re.compile(r"\*udp\.[a-z0-9_.*]+\*")
UNIQUE_ROW = re.compile(r"^- `(udp\.[a-z0-9_.]+)`")


def git(*args):
    r = subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True, check=False)
    return r.stdout if r.returncode == 0 else None


def probe_exists(topic, claim, branch):
    path = f"cases/{topic}/{claim}.c"
    if os.path.isfile(os.path.join(ROOT, path)):
        return True
    return branch is not None and git("cat-file", "-e", f"{branch}:{path}") is not None


def parse(lines):
    """The peers in document order: name, title, excluded, rows, ratio line index."""
    peers, cur = [], None
    for i, line in enumerate(lines):
        m = PEER.match(line)
        if m:
            cur = {"name": m[1], "title": m[2], "excluded": int(m[3]), "rows": [], "ratio": None}
            peers.append(cur)
            continue
        if cur and ROW.match(line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            cur["rows"].append({"id": cells[0], "rules": cells[-2], "status": cells[-1], "line": i + 1})
            continue
        m = RATIO.match(line)
        if m and cur and m[1] == cur["name"]:
            cur["ratio"] = i
    return peers


def counts(peer):
    n = {s: sum(r["status"] == s for r in peer["rows"]) for s in STATUSES}
    scope = len(peer["rows"])
    pct = round(100 * n["COVERED"] / scope) if scope else 0
    return scope, n, f"{n['COVERED']}/{scope} = {pct} %"


def ratio_line(peer):
    scope, n, cov = counts(peer)
    return (f"<!-- ratio: {peer['name']} --> **In scope: {scope}. COVERED {n['COVERED']}, "
            f"PARTIAL {n['PARTIAL']}, MISSING {n['MISSING']}. Coverage {cov}.**")


def summary_rows(peers):
    out = ["| peer | cases read | excluded | in scope | COVERED | PARTIAL | MISSING | in-scope coverage |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for p in peers:
        scope, n, cov = counts(p)
        out.append(f"| {p['title']} | {scope + p['excluded']} | {p['excluded']} | {scope} "
                   f"| {n['COVERED']} | {n['PARTIAL']} | {n['MISSING']} | {cov} |")
    # Issue 13's second target: these three peers taken together.
    group = [p for p in peers if p["name"] in TOGETHER]
    if group:
        merged = {"rows": [r for p in group for r in p["rows"]]}
        scope, n, cov = counts(merged)
        excluded = sum(p["excluded"] for p in group)
        out.append(f"| {', '.join(p['title'] for p in group)}, together | {scope + excluded} | {excluded} "
                   f"| {scope} | {n['COVERED']} | {n['PARTIAL']} | {n['MISSING']} | {cov} |")
    return out


def check_rows(peers):
    problems = []
    for p in peers:
        for r in p["rows"]:
            where = f"docs/coverage.md:{r['line']}: {r['id']}"
            rules = RULE.findall(r["rules"])
            proposed = PROPOSAL.search(r["rules"])
            if r["status"] not in STATUSES:
                problems.append(f"{where}: status '{r['status']}' is none of {', '.join(STATUSES)}")
            elif r["status"] == "COVERED" and (not rules or proposed):
                problems.append(f"{where}: COVERED needs rules and no *proposal*")
            elif r["status"] == "PARTIAL" and (not rules or not proposed):
                problems.append(f"{where}: PARTIAL needs rules and a *proposal* for the rest")
            elif r["status"] == "MISSING" and rules:
                problems.append(f"{where}: MISSING names a rule")
            for rid, topic, claim, _, branch in rules:
                if not probe_exists(topic, claim, branch or None):
                    on = f" or on branch {branch}" if branch else ""
                    problems.append(f"{where}: {rid} has no probe cases/{topic}/{claim}.c in this tree{on}")
    return problems


def named(peers):
    return {rid for p in peers for r in p["rows"] for rid, *_ in RULE.findall(r["rules"])}


def all_rules():
    """id -> (sentence, branch or None): this tree first, then the branches."""
    found = {}

    def read(text, branch):
        for m in re.finditer(r'@test "(.*)" \{\n\trule (udp\.[a-z0-9_.]+)\n', text):
            found.setdefault(m[2], (m[1], branch))

    for name in sorted(os.listdir(os.path.join(ROOT, "cases"))):
        if name.endswith(".bats"):
            with open(os.path.join(ROOT, "cases", name), encoding="utf-8") as f:
                read(f.read(), None)
    for b in BRANCHES:
        files = git("ls-tree", "--name-only", b, "cases/")
        for path in (files or "").split():
            if path.endswith(".bats"):
                read(git("show", f"{b}:{path}") or "", b)
    return found


def after(lines, marker, prefix):
    """The lines right after the marker line that start with prefix."""
    i = lines.index(marker) + 1 if marker in lines else len(lines)
    out = []
    while i < len(lines) and lines[i].startswith(prefix):
        out.append(lines[i])
        i += 1
    return out


def write(lines, peers):
    out, skip = [], None
    rules = all_rules()
    taken = named(peers)
    for line in lines:
        if skip:
            if line.startswith(skip):
                continue
            skip = None
        m = RATIO.match(line)
        peer = next((p for p in peers if m and p["name"] == m[1]), None)
        if peer:
            out.append(ratio_line(peer))
            continue
        out.append(line)
        if line == "<!-- summary -->":
            out.extend(summary_rows(peers))
            skip = "| "
        elif line == "<!-- unique -->":
            for rid in sorted(set(rules) - taken):
                sentence, branch = rules[rid]
                note = f" <!-- branch: {branch} -->" if branch else ""
                out.append(f"- `{rid}`{note}: {sentence}")
            skip = "- `"
    return out


def check_numbers(lines, peers):
    problems = []
    for p in peers:
        if p["ratio"] is None:
            problems.append(f"docs/coverage.md: peer {p['name']} has no ratio line")
        elif lines[p["ratio"]] != ratio_line(p):
            problems.append(f"docs/coverage.md:{p['ratio'] + 1}: the ratio line does not match the rows: "
                            f"want '{ratio_line(p)}'")
    if after(lines, "<!-- summary -->", "| ") != summary_rows(peers):
        problems.append("docs/coverage.md: the summary table does not match the rows "
                        "(tests/coverage_check.py --write regenerates it)")
    taken = named(peers)
    for l in after(lines, "<!-- unique -->", "- `"):
        rid = UNIQUE_ROW.match(l)[1]
        _, topic, claim = rid.split(".", 2)
        branch = re.search(r"<!-- branch: ([a-z0-9-]+) -->", l)
        if rid in taken:
            problems.append(f"docs/coverage.md: {rid} is listed as checked by no peer, yet a row names it")
        elif not probe_exists(topic, claim, branch[1] if branch else None):
            problems.append(f"docs/coverage.md: {rid} in the no-peer list has no probe")
    return problems


def main():
    with open(DOC, encoding="utf-8") as f:
        lines = f.read().split("\n")
    peers = parse(lines)
    if not peers:
        print("docs/coverage.md: no peer sections (<!-- peer: ... -->) found")
        return 1
    if sys.argv[1:] == ["--write"]:
        lines = write(lines, peers)
        with open(DOC, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        peers = parse(lines)
    problems = check_rows(peers) + check_numbers(lines, peers)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
