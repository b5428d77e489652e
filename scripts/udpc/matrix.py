# SPDX-License-Identifier: GPL-2.0-only
"""make matrix, host side: a guest's console stream turned into its results
folder, and the kernels side by side.

  python3 scripts/udpc/matrix.py unpack CONSOLE OUT [--release R] [--label L]
          [--reason WHY] [--command C] [--rules R] [--wall S] [--cpu S]
          [--changes FILE] [--left-out WHY]
      The results folder OUT of one guest from what its console streamed
      (matrix/guest-run.c says what): probes/<id>.{jsonl,ktap},
      results.jsonl, selection.txt, run.json (docs/schema/run.schema.json,
      from the guest's facts), bench.json; scripts/finish does the rest.  A guest that
      did not finish keeps every rule it reported; run.json then carries an
      error with its last console lines.  FILE: the kernel's upstream stable
      changes ("VERSION<TAB>SUBJECT" lines, scripts/matrix-kernel); the
      tagged commits it lists go into run.json as stable_backports.  WHY:
      the rules RULES leaves out of this kernel's run, and why (run.json's
      guest.left_out; REPORT.md says it, their cells are "—").  Prints "N/M" (rules reported of
      rules planned) and exits 0 if the stream was complete, 1 if not.
  python3 scripts/udpc/matrix.py times RUN...
      Per guest: its boot and suite times (the guest's clock), QEMU's wall
      and CPU time (user + system, the host's), as a table, then the sums.
  python3 scripts/udpc/matrix.py progress CONSOLE
      "N/M" of a console stream so far.
  python3 scripts/udpc/matrix.py report OUT_MD RUN...
      The "Kernels side by side" section (markdown, on stdout) of the given
      results folders: only the rows that differ, each with the kernel
      change that explains it (the rules' tags) or "unexplained", and the
      provenance checks; the full matrix into OUT_MD, and beside it the
      SVG plots of the lookup benchmark and of the §8.11.2 ratio per kernel.

Debian's /usr/bin/python3 and its standard library only.
"""

import base64
import fnmatch
import binascii
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

RECORD = "udpconform-record "
RECORD_REST = "udpconform-record+ "  # the previous record's metadata, then this
FAMILY_KEY = ',"family":"'
FILE = "udpconform-file "
END = "udpconform-matrix end"
TOP = re.compile(r"^(not )?ok (\d+) (\S+)")
PLAN = re.compile(r"^1\.\.(\d+)$")
FAMILIES = ("ipv4", "ipv6", "mapped", "all")


# ---- one guest's console -----------------------------------------------------


class Stream:
    """What a guest's console carried: records, each rule's KTAP, files."""

    def __init__(self, text):
        self.records, self.ktap, self.files = [], {}, {}
        self.planned = self.reported = 0
        self.complete = False
        self.other = []  # lines that are none of the above: the kernel's, guest-init's
        self.prefix = ""  # the last record's metadata (udpconform-record+)
        rule = None
        for line in text.replace("\r", "").split("\n"):
            rule = self.line_take(line, rule)

    def line_take(self, line, rule):
        if rule is not None and line.startswith("    "):
            self.ktap[rule].append(line[4:])
            return rule
        if line.startswith("# Subtest: "):
            rule = line[len("# Subtest: "):].strip()
            self.ktap[rule] = []
            return rule
        top = TOP.match(line)
        if top:
            self.reported += 1
            return None
        if line.startswith(RECORD):
            self.record_take(line[len(RECORD):])
        elif line.startswith(RECORD_REST):
            self.record_take(self.prefix + line[len(RECORD_REST):] if self.prefix else "")
        elif line.startswith(FILE):
            self.file_take(line[len(FILE):])
        elif line == END:
            self.complete = True
        elif PLAN.match(line) and not self.planned:
            self.planned = int(PLAN.match(line).group(1))
        elif line.strip() and line != "KTAP version 1":
            self.other.append(line)
        return rule

    def record_take(self, text):
        try:
            json.loads(text)
        except ValueError:
            self.other.append("(a record line that is not JSON was dropped)")
            return
        self.records.append(text)
        cut = text.find(FAMILY_KEY)
        self.prefix = text[:cut] if cut >= 0 else ""

    def file_take(self, text):
        path, _, data = text.partition(" ")
        if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)?\.json", path):
            self.other.append(f"(a file line for {path!r} was dropped)")
            return
        try:
            self.files[path] = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            self.other.append(f"(the file line for {path} was cut off)")


def file_write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tool_version():
    with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
        return f.read().strip()


def selected_ids(rules):
    """The rule ids RULES (globs on ids) selects from the build's index, as
    the guest runs them."""
    index = os.path.join(ROOT, os.environ.get("BUILD") or "build", "rules.tsv")
    with open(index, encoding="utf-8") as f:
        ids = [line.split("\t", 1)[0] for line in f if line.strip()]
    patterns = rules.split()
    return [i for i in ids if not patterns or any(fnmatch.fnmatchcase(i, p) for p in patterns)]


def stable_backports(changes, stream):
    """{commit: stable version} for the rules' tagged commits that the
    kernel's changelog lists by subject (a backport to its stable series)."""
    try:
        with open(changes, encoding="utf-8", errors="replace") as f:
            listed = {}
            for line in f:
                version, _, subject = line.rstrip("\n").partition("\t")
                listed.setdefault(subject, version)
    except OSError:
        return None  # no changelog: nothing known either way
    found = {}
    for rec in stream.records:
        for tag in json.loads(rec).get("tags") or []:
            if tag.get("kind") == "linux-git" and tag.get("subject") in listed:
                found[tag["value"][:12]] = listed[tag["subject"]]
    return dict(sorted(found.items()))


def run_json(facts, args, stream, ids):
    """run.json (docs/schema/run.schema.json) from the guest's facts."""
    families = [f for f in str(facts.get("families") or "").replace(",", " ").split() if f]
    run = {
        "schema": 2,
        "tool": tool_version(),
        "kernel": {"release": facts.get("release") or args["release"],
                   "version": facts.get("version", ""), "arch": facts.get("arch", "x86_64")},
        "distribution": "",
        "date": now_utc(),
        "wall_s": round(facts.get("suite_s", 0.0) or 0.0, 3),
        "command": args["command"] or "make matrix",
        "runner": "guest",
        "selection": {"rules": args["rules"], "families": families or ["ipv4", "ipv6", "mapped"],
                      "strict": False, "ids": ids},
        "sysctls": {k: str(v) for k, v in (facts.get("sysctls") or {}).items()},
        "label": args["label"],
        "guest": {"boot_s": facts.get("boot_s"), "suite_s": facts.get("suite_s"),
                  "suite_idle_s": facts.get("suite_idle_s"),
                  "qemu_wall_s": float(args["wall"] or 0), "qemu_cpu_s": float(args["cpu"] or 0),
                  "rules_planned": stream.planned,
                  "rules_reported": stream.reported,
                  "sysctls_new_netns": facts.get("sysctls_new_netns")},
    }
    if args.get("left_out"):
        run["guest"]["left_out"] = {"rules": len(selected_ids(os.environ.get("RULES", ""))) - len(ids),
                                     "why": args["left_out"]}
    backports = stable_backports(args["changes"], stream) if args["changes"] else None
    if backports is not None:
        run["guest"]["stable_backports"] = backports
    emulation = facts.get("emulation") or args.get("emulation", "")
    if emulation:
        run["emulation"] = emulation
    if not stream.complete:
        run["error"] = {"reason": args["reason"] or "the guest stopped before the end of its run",
                        "console": stream.other[-15:]}
    return run


def bench_json(stream, run):
    """bench.json (udpconform-bench/1) from the guest's bench programs."""
    parts = {}
    for prog in ("send", "lookup", "setup"):
        data = stream.files.get(f"bench/{prog}.json")
        try:
            parts[prog] = json.loads(data) if data else None
        except ValueError:
            parts[prog] = None
    if not any(parts.values()):
        return None
    return {"schema": "udpconform-bench/2", "tool": run["tool"], "kernel": run["kernel"],
            "date": run["date"], "cpus": 1, "quick": True, "emulated": True,
            "note": "figures taken under emulation are comparable only as ratios within that kernel",
            **parts, "suite": None}


def unpack(console, out, args):
    """The guest's results folder, laid out as a host run's (probes/,
    results.jsonl, selection.txt, run.json); scripts/finish then writes its
    documents."""
    with open(console, encoding="utf-8", errors="replace") as f:
        stream = Stream(f.read())
    ids = selected_ids(args["rules"])
    by_rule = {}
    for rec in stream.records:
        by_rule.setdefault(json.loads(rec).get("id", ""), []).append(rec)
    for rule, lines in stream.ktap.items():
        if re.fullmatch(r"udp\.[a-z0-9_]+\.[a-z0-9_]+", rule):
            file_write(os.path.join(out, "probes", rule + ".ktap"), "".join(x + "\n" for x in lines))
    for rule, recs in by_rule.items():
        if re.fullmatch(r"udp\.[a-z0-9_]+\.[a-z0-9_]+", rule):
            file_write(os.path.join(out, "probes", rule + ".jsonl"), "".join(r + "\n" for r in recs))
    file_write(os.path.join(out, "selection.txt"), "".join(i + "\n" for i in ids))
    file_write(os.path.join(out, "results.jsonl"),
               "".join(r + "\n" for i in ids for r in by_rule.get(i, [])))
    try:
        facts = json.loads(stream.files.get("facts.json", b"{}"))
    except ValueError:
        facts = {}
    run = run_json(facts, args, stream, ids)
    file_write(os.path.join(out, "run.json"), json.dumps(run, indent=1) + "\n")
    bench = bench_json(stream, run)
    if bench:
        file_write(os.path.join(out, "bench.json"), json.dumps(bench) + "\n")
    print(f"{stream.reported}/{stream.planned}")
    return 0 if stream.complete else 1


def times(runs):
    """The table `make matrix` prints at the end of its guests."""
    rows, cpu, wall = [], 0.0, 0.0
    for path in runs:
        try:
            with open(os.path.join(path, "run.json"), encoding="utf-8") as f:
                run = json.load(f)
        except (OSError, ValueError):
            continue
        guest = run.get("guest") or {}
        if run.get("runner") != "guest":
            continue
        cpu += guest.get("qemu_cpu_s") or 0.0
        wall += guest.get("qemu_wall_s") or 0.0
        rows.append((run.get("label") or os.path.basename(path.rstrip("/")),
                     *(f"{guest[k]:.1f}" if isinstance(guest.get(k), (int, float)) else "-"
                       for k in ("boot_s", "suite_s", "suite_idle_s", "qemu_wall_s", "qemu_cpu_s")),
                     f"{guest.get('rules_reported', 0)}/{guest.get('rules_planned', 0)}"))
    head = ("kernel", "boot_s", "suite_s", "idle_s", "qemu_wall_s", "qemu_cpu_s", "rules")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    print(f"{len(rows)} guests: QEMU CPU {cpu:.1f} s in all ({cpu / max(os.cpu_count() or 1, 1):.1f} s"
          f" per core on {os.cpu_count()}), QEMU wall {wall:.1f} s summed")
    return 0


def options(argv, known):
    opts = {k: "" for k in known}
    rest = []
    i = 0
    while i < len(argv):
        if argv[i].startswith("--") and argv[i][2:] in known and i + 1 < len(argv):
            opts[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return opts, rest


# ---- kernels side by side ----------------------------------------------------


def version_key(release):
    """'6.12.117+deb13-cloud-amd64' -> (6, 12, 117); '6.1.0-47-...' -> (6, 1, 0)."""
    nums = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", release)
    if not nums:
        return (0, 0, 0)
    return tuple(int(n or 0) for n in nums.groups())


def tag_version(tag):
    m = re.match(r"v?(\d+)\.(\d+)", tag.get("version") or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def run_read(folder):
    """(label, release, {(id, family): record}, run) of one results folder."""
    with open(os.path.join(folder, "run.json"), encoding="utf-8") as f:
        run = json.load(f)
    records = {}
    with open(os.path.join(folder, "results.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                records[(rec["id"], rec["family"])] = rec
    release = run.get("kernel", {}).get("release", os.path.basename(folder))
    # Debian's 5.10.0-43 is upstream 5.10.237: uname -v says which.
    upstream = re.search(r"Debian (\d+\.\d+\.\d+)", run.get("kernel", {}).get("version", ""))
    return {"upstream": upstream.group(1) if upstream else "","label": run.get("label") or os.path.basename(folder.rstrip("/")), "release": release,
            "records": records, "run": run, "folder": folder}


# An ERROR that says the kernel lacks a driver the topology needs: the rule
# could not be asked there, which says nothing about the kernel's UDP.
NO_DRIVER = re.compile(r"^kernel has no \S+ driver")
NOT_RUN = ("—", "n/a")


def cell(rec):
    """A verdict as the matrix shows it, with what the kernel answered when
    the verdict is not PASS (the first failed check)."""
    if rec is None:
        return "—"
    if rec.get("verdict") == "ERROR" and NO_DRIVER.match(rec.get("reason") or ""):
        return "n/a"
    verdict = rec.get("verdict", "?")
    if verdict in ("FAIL", "XFAIL") or (verdict == "FAIL" and rec.get("known")):
        failed = [c for c in rec.get("checks", []) if not c.get("ok", True)]
        if failed:
            observed = re.match(r"-1 (E[A-Z0-9]+)", failed[0].get("observed", ""))
            return f"{verdict} {observed.group(1)}" if observed else verdict
    if verdict in ("SKIP", "ERROR"):
        reason = rec.get("reason") or ""
        errno = re.search(r"\bE[A-Z0-9]{3,}\b", reason)
        return f"{verdict} {errno.group(0)}" if errno else verdict
    return verdict


def behaviour(values):
    """What the kernels did, whatever the rule's known range expected: an
    XPASS is a PASS and an XFAIL a FAIL (6.1 with a v6.3 change backported
    gives XPASS where 6.12 gives PASS: the same answer)."""
    return [re.sub(r"^XPASS\b", "PASS", re.sub(r"^XFAIL\b", "FAIL", v)) for v in values]


def explanation(rule_tags, columns, values):
    """What explains one differing row: a tagged kernel change whose version
    splits the columns exactly where the verdicts change; else why not."""
    values = behaviour(values)
    if not rule_tags:
        return "unexplained (the rule names no kernel change)", False
    said = []
    for tag in rule_tags:
        subject = f'("{tag.get("subject")}")' if tag.get("subject") else ""
        name = " ".join(x for x in (tag.get("value", "")[:12], subject, tag.get("version", "")) if x)
        ported = sorted({b for c in columns for b in [backport(c, tag)]
                         if b and tag_version(tag) and version_key(c["release"])[:2] < tag_version(tag)},
                        key=version_key)
        if ported:
            name += f" (backported to {', '.join(ported)})"
        if tag_splits(tag, columns, values):
            return name, True
        backported = tag_backported(tag, columns, values)
        if backported:
            return f"{name}; already so on {', '.join(backported)} (a stable backport?)", True
        said.append(name)
    return "unexplained: the kernels do not split at " + "; ".join(said), False


def backport(c, tag):
    """The stable release that brought TAG to the older kernel C (from its
    Debian changelog), or None."""
    return ((c["run"].get("guest") or {}).get("stable_backports") or {}).get((tag.get("value") or "")[:12])


def has_change(c, tag):
    """True if kernel C has TAG's change: from its version, or backported."""
    v = tag_version(tag)
    return v is not None and (version_key(c["release"])[:2] >= v or backport(c, tag) is not None)


def tag_splits(tag, columns, values):
    """True if the kernels without TAG's change all give one answer and
    those with it all give another."""
    if tag_version(tag) is None:
        return False
    before = {values[i] for i, c in enumerate(columns)
              if not has_change(c, tag) and values[i] not in NOT_RUN}
    after = {values[i] for i, c in enumerate(columns)
             if has_change(c, tag) and values[i] not in NOT_RUN}
    return len(before) == 1 and len(after) == 1 and before != after


def tag_backported(tag, columns, values):
    """The older kernels that already answer as TAG's version does, when
    they are the newest of the older ones (a stable backport): else []."""
    v = tag_version(tag)
    if v is None:
        return []
    ran = [(c, values[i]) for i, c in enumerate(columns) if values[i] not in NOT_RUN]
    after = {val for c, val in ran if version_key(c["release"])[:2] >= v}
    before = [(c, val) for c, val in ran if version_key(c["release"])[:2] < v]
    if len(after) != 1 or not before:
        return []
    new = next(iter(after))
    old = [val for _, val in before if val != new]
    # The old answer on the oldest kernels only, then the new one.
    cut = len(old)
    if not old or len(set(old)) != 1 or any(val == new for _, val in before[:cut]):
        return []
    return [column_name(c) for c, _ in before[cut:]]


def provenance_checks(rules_meta, columns, rows):
    """A rule tagged with a version must differ exactly between the kernels
    before it and from it, at one of its tags: one line for each rule (and
    its families) where that does not hold, and why it may not.  Returns
    (mismatches, kept): kept are the rules that give one answer on both
    sides of their change, a stable backport ruled out (they guard a
    behaviour the change kept: the tag names their code path's history)."""
    lines, kept = [], []
    for rid, tags in sorted(rules_meta.items()):
        versioned = [t for t in tags if tag_version(t)]
        # A change every kernel has (by version or a stable backport) predicts no split.
        spanned = [t for t in versioned
                   if any(not has_change(c, t) for c in columns) and any(has_change(c, t) for c in columns)]
        if not spanned:
            continue
        bad = {}
        for family in FAMILIES:
            values = rows.get((rid, family))
            if values is None or set(values) <= {"SKIP", "—"}:
                continue
            values = behaviour(values)
            if not any(tag_splits(t, columns, values) or tag_backported(t, columns, values)
                       for t in spanned):
                ran = set(values) - set(NOT_RUN)
                kind = ("every kernel gives " + ran.pop()) if len(ran) == 1 else \
                    "the kernels split elsewhere: " + ", ".join(values)
                bad.setdefault(kind, []).append(family)
        for kind, families in bad.items():
            named = ", ".join(f"{t.get('value', '')[:12]} {t.get('version')}" for t in spanned)
            hint, target = "", lines
            if kind.startswith("every"):
                older = [column_name(c) for c in columns if not all(has_change(c, t) for t in spanned)]
                known = [n for n, c in zip([column_name(c) for c in columns], columns)
                         if n in older and "stable_backports" in (c["run"].get("guest") or {})]
                hint = (" on both sides of the change: the rule depends on it without changing with it"
                        if known == older and older else
                        " (the rule depends on the change without changing with it, or the older kernels "
                        "have it from a stable backport)")
                if known:
                    hint += f"; no stable backport (the changelogs of {', '.join(known)} do not list it)"
                if known == older and older:
                    target = kept
            joint = ": " if target is kept else ", but "
            target.append(f"- `{rid}` ({'/'.join(families)}): tagged {named}{joint}{kind}{hint}")
    return lines, kept


def md_escape(text):
    return text.replace("|", "\\|")


def matrix_rows(columns):
    rows, meta = {}, {}
    keys = sorted({k for c in columns for k in c["records"]},
                  key=lambda k: (k[0], FAMILIES.index(k[1]) if k[1] in FAMILIES else 9))
    for key in keys:
        recs = [c["records"].get(key) for c in columns]
        rows[key] = [cell(r) for r in recs]
        some = next(r for r in recs if r)
        meta[key[0]] = some.get("tags") or []
    return rows, meta


def column_name(c):
    rel = c["release"]
    if c["label"] != rel:
        return c["label"]
    if c["upstream"]:
        return c["upstream"]
    short = re.match(r"\d+\.\d+(\.\d+)?", rel)
    return short.group(0) if short else rel


def report(out_md, folders):
    print("\n".join(section_lines(out_md, folders, os.getcwd())))
    return 0


def section_lines(out_md, folders, link_from):
    """The section's lines (without its heading); writes OUT_MD and the
    plots beside it, linked relative to the folder LINK_FROM."""
    columns = sorted((run_read(f) for f in folders), key=lambda c: version_key(c["upstream"] or c["release"]))
    rows, meta = matrix_rows(columns)
    names = [column_name(c) for c in columns]
    head = "| rule | family | " + " | ".join(names) + " |\n|---|---|" + "---|" * len(names) + "\n"
    differ = {k: v for k, v in rows.items() if len(set(behaviour(v)) - set(NOT_RUN)) > 1}
    full = ["# Kernels side by side: the full matrix", "",
            f"{len(rows)} rows (rule × family) on {len(columns)} kernels; "
            f"generated by `scripts/udpc/matrix.py`.", "", head.rstrip("\n")]
    full += [f"| `{k[0]}` | {k[1]} | " + " | ".join(v) + " |" for k, v in rows.items()]
    full += ["", "## The runs", "", "| kernel | release | emulation | boot s | suite s | guest s | rules |",
             "|---|---|---|---|---|---|---|"] + [times_row(n, c) for n, c in zip(names, columns)]
    file_write(out_md, "\n".join(full) + "\n")
    section = [f"{len(columns)} kernels: " + ", ".join(
        f"{n} ({c['release']}{', ' + c['run']['emulation'] if c['run'].get('emulation') else ''})"
        for n, c in zip(names, columns)) + ".", ""]
    errors = [(n, c) for n, c in zip(names, columns) if c["run"].get("error")]
    for n, c in errors:
        section.append(f"- **{n}: ERROR** — {md_escape(c['run']['error'].get('reason', ''))}")
    for n, c in zip(names, columns):
        missing = sorted({NO_DRIVER.match(r.get("reason") or "").group(0)[len("kernel has no "):]
                          for r in c["records"].values()
                          if r.get("verdict") == "ERROR" and NO_DRIVER.match(r.get("reason") or "")})
        if missing:
            count = sum(1 for i in range(len(columns)) if columns[i] is c
                        for v in rows.values() if v[i] == "n/a")
            section.append(f"- {n}: {count} rows not run (n/a): the kernel has no "
                           f"{' and no '.join(missing)} (its modules are not in the registry)")
    for n, c in zip(names, columns):
        left = (c["run"].get("guest") or {}).get("left_out")
        if left:
            section.append(f"- {n}: {left.get('rules')} rules not run (—): {md_escape(left.get('why', ''))}")
    section.append("")
    if differ:
        section += ["Rows that differ between kernels, and the kernel change that explains each:", "",
                    "| rule | family | " + " | ".join(names) + " | explained by |",
                    "|---|---|" + "---|" * len(names) + "---|"]
        for k, v in differ.items():
            why, _ = explanation(meta.get(k[0]), columns, v)
            section.append(f"| `{k[0]}` | {k[1]} | " + " | ".join(v) + f" | {md_escape(why)} |")
        section.append("")
    agree = len(rows) - len(differ)
    section.append(f"{agree} of {len(rows)} rows agree on every kernel; "
                   f"the full matrix: [{os.path.relpath(out_md, link_from)}]"
                   f"({os.path.relpath(out_md, link_from)}).")
    checks, kept = provenance_checks(meta, columns, rows)
    section += ["", "Provenance checks (a rule tagged with a version must differ exactly between "
                "the kernels without and with the change, a stable backport counting as with it): " +
                ("all hold." if not checks else f"{len(checks)} do not hold:")] + ([""] + checks if checks else [])
    if kept:
        section += ["", f"{len(kept)} tagged rules give one answer with and without their change (the "
                    "change kept the behaviour they check; not a prediction that failed):", ""] + kept
    netns = sysctls_not_per_netns(columns, names)
    if netns:
        section += ["", "Sysctls that are not per network namespace (a new namespace does not "
                    "have them; rules cannot pin them there): " + "; ".join(netns) + "."]
    section += sysctl_defaults(columns, names)
    section += plots_write(os.path.dirname(out_md), columns, names, link_from)
    return section


def times_row(name, c):
    """One run's timing: the guest's boot (to its runner) and suite, QEMU's wall."""
    run, guest = c["run"], c["run"].get("guest") or {}

    def num(x):
        return f"{x:.1f}" if isinstance(x, (int, float)) else "—"
    reported = f"{guest.get('rules_reported')}/{guest.get('rules_planned')}" if guest else \
        str(len({k[0] for k in c["records"]}))
    return (f"| {name} | {c['release']} | {run.get('emulation') or 'none (host)'} | "
            f"{num(guest.get('boot_s'))} | {num(guest.get('suite_s', run.get('wall_s')))} | "
            f"{num(guest.get('qemu_wall_s'))} | {reported} |")


def sysctls_not_per_netns(columns, names):
    """Per kernel, the sysctls a new network namespace does not have."""
    missing = {}
    for n, c in zip(names, columns):
        guest = c["run"].get("guest") or {}
        outside, inside = c["run"].get("sysctls") or {}, guest.get("sysctls_new_netns")
        if inside is not None:
            missing[n] = sorted(k for k in outside if k not in inside)
    everywhere = set.intersection(*(set(m) for m in missing.values())) if missing else set()
    out = [f"{n}: " + ", ".join(f"`{k}`" for k in m if k not in everywhere)
           for n, m in missing.items() if set(m) - everywhere]
    if everywhere:
        out.append("every kernel: " + ", ".join(f"`{k}`" for k in sorted(everywhere))
                   + " (the initial namespace's only)")
    return out


def sysctl_defaults(columns, names):
    """Lines for the sysctls whose values differ between kernels."""
    keys = sorted({k for c in columns for k in (c["run"].get("sysctls") or {})})
    lines = []
    for k in keys:
        values = [(c["run"].get("sysctls") or {}).get(k, "—") for c in columns]
        if len(set(values) - {"—"}) > 1:  # "—": a run that did not record it
            lines.append(f"| `{k}` | " + " | ".join(values) + " |")
    if not lines:
        return []
    return ["", "Sysctl values that differ between kernels (the initial namespace's):", "",
            "| sysctl | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)] + lines


# ---- plots (SVG written directly) -------------------------------------------

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8", "#ffbb78")


def bench_read(folder):
    try:
        with open(os.path.join(folder, "bench.json"), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def lookup_series(bench):
    """{(family, reuseport): [(N, cost per datagram / cost at the smallest N)]}."""
    series = {}
    for rec in ((bench or {}).get("lookup") or {}).get("records", []):
        if rec.get("kind") != "summary":
            continue
        key = (rec.get("family"), rec.get("reuseport"))
        cost = (rec.get("send_cpu_ns") or {}).get("median")
        if cost:
            series.setdefault(key, []).append((rec.get("sockets"), cost))
    return {k: [(n, c / min(v)[1]) for n, c in sorted(v)] for k, v in series.items() if v}


def send_ratio(bench):
    """The §8.11.2 figure: unconnected sendto over connected send, CPU per
    datagram in the send calls (loopback, ipv4, the smallest payload), the
    median over rounds."""
    found = [rec for rec in ((bench or {}).get("send") or {}).get("records", [])
             if rec.get("kind") == "ratio" and rec.get("scenario") == "send"
             and rec.get("how") == "connected send" and rec.get("family") == "ipv4"
             and rec.get("topology") == "loopback"]
    found.sort(key=lambda rec: rec.get("payload") or 0)
    return (found[0].get("cpu") or {}).get("median") if found else None


def svg(width, height, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>'
            f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14">{title}</text>'
            + "".join(body) + "</svg>\n")


def plot_lookup(path, columns, names):
    lines = []
    for n, c in zip(names, columns):
        s = lookup_series(bench_read(c["folder"]))
        pick = s.get(("ipv4", False)) or next(iter(s.values()), None)
        if pick and len(pick) > 1:
            lines.append((n, pick))
    if not lines:
        return False
    W, H, L, R, T, B = 640, 400, 60, 150, 30, 50
    xs = sorted({x for _, p in lines for x, _ in p})
    ymax = max(y for _, p in lines for _, y in p) * 1.1
    xpos = {x: L + (W - L - R) * i / max(1, len(xs) - 1) for i, x in enumerate(xs)}

    def ypos(y):
        return T + (H - T - B) * (1 - y / ymax)
    body = [f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
            f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>',
            f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">connected sockets '
            'on the port (N)</text>',
            f'<text x="14" y="{(T + H - B) / 2}" transform="rotate(-90 14 {(T + H - B) / 2})" '
            'text-anchor="middle">CPU per datagram / at the smallest N</text>']
    body += [f'<text x="{xpos[x]}" y="{H - B + 15}" text-anchor="middle">{x}</text>' for x in xs]
    for k in range(5):
        y = ymax * k / 4
        body.append(f'<text x="{L - 5}" y="{ypos(y) + 4}" text-anchor="end">{y:.1f}</text>')
    for i, (n, p) in enumerate(lines):
        color = PALETTE[i % len(PALETTE)]
        pts = " ".join(f"{xpos[x]:.1f},{ypos(y):.1f}" for x, y in p)
        body.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
        body.append(f'<text x="{W - R + 10}" y="{T + 15 + 16 * i}" fill="{color}">{n}</text>')
    file_write(path, svg(W, H, body, "Receive lookup cost vs N, per kernel (ipv4, SO_REUSEADDR)"))
    return True


def plot_ratio(path, columns, names):
    bars = [(n, send_ratio(bench_read(c["folder"]))) for n, c in zip(names, columns)]
    bars = [(n, r) for n, r in bars if r]
    if not bars:
        return False
    W, H, L, T, B = 100 + 50 * len(bars), 320, 50, 30, 60
    ymax = max(r for _, r in bars) * 1.15
    # Ratio 1: connecting saves nothing; the bars' height above it is the saving.
    one = H - B - (H - T - B) / ymax
    body = [f'<line x1="{L}" y1="{H - B}" x2="{W - 10}" y2="{H - B}" stroke="black"/>',
            f'<line x1="{L}" y1="{one:.1f}" x2="{W - 10}" y2="{one:.1f}" stroke="#555" '
            'stroke-dasharray="4 3"/>',
            f'<text x="{L - 4}" y="{one + 4:.1f}" text-anchor="end">1</text>']
    for i, (n, r) in enumerate(bars):
        h = (H - T - B) * r / ymax
        x = L + 10 + 50 * i
        body.append(f'<rect x="{x}" y="{H - B - h:.1f}" width="36" height="{h:.1f}" fill="#1f77b4"/>')
        body.append(f'<text x="{x + 18}" y="{H - B - h - 4:.1f}" text-anchor="middle">{r:.2f}</text>')
        # From the bar's middle down to the right: no label leaves the picture.
        body.append(f'<text x="{x + 12}" y="{H - B + 14}" '
                    f'transform="rotate(30 {x + 12} {H - B + 14})">{n}</text>')
    file_write(path, svg(W, H, body, "§8.11.2: unconnected sendto / connected send, CPU per datagram"))
    return True


def plots_write(folder, columns, names, link_from):
    out = []
    lookup, ratio = os.path.join(folder, "matrix-lookup.svg"), os.path.join(folder, "matrix-ratio.svg")
    if plot_lookup(lookup, columns, names):
        out += ["", f"![lookup cost vs N per kernel]({os.path.relpath(lookup, link_from)})"]
    if plot_ratio(ratio, columns, names):
        out += ["", f"![§8.11.2 ratio per kernel]({os.path.relpath(ratio, link_from)})"]
    if not out:
        out = ["", "No plots: the guests ran without the benchmark (`make matrix BENCH=1` adds the "
               "lookup cost per kernel and the §8.11.2 ratio per kernel)."]
    return out


def main(argv):
    if len(argv) >= 3 and argv[0] == "unpack":
        opts, rest = options(argv[1:], ("release", "label", "reason", "command", "rules", "wall",
                                             "cpu", "changes", "left-out"))
        if len(rest) != 2:
            raise SystemExit(__doc__)
        opts["wall"] = float(opts["wall"] or 0)
        opts["cpu"] = float(opts["cpu"] or 0)
        opts["left_out"] = opts.pop("left-out")
        opts["command"] = opts["command"] or "make matrix"
        return unpack(rest[0], rest[1], opts)
    if len(argv) >= 2 and argv[0] == "times":
        return times(argv[1:])
    if len(argv) == 2 and argv[0] == "progress":
        with open(argv[1], encoding="utf-8", errors="replace") as f:
            s = Stream(f.read())
        print(f"{s.reported}/{s.planned}")
        return 0
    if len(argv) >= 3 and argv[0] == "report":
        return report(argv[1], argv[2:])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
