# SPDX-License-Identifier: GPL-2.0-only
"""report RESULTS_DIR [--out REPORT.md] [--compare RUN...]

Reads the run in RESULTS_DIR (as scripts/finish left it: results.jsonl,
run.json) and writes REPORT.md (default RESULTS_DIR/REPORT.md) for people,
generated from those inputs alone: its first screen says what ran, what
failed, where the standards disagree and what differs between kernels.
Beside it goes the per-rule reference page, RULES.md (each rule's sentence,
why, verdicts and transcript; the lesson book links to it).  It prints a
one-screen summary.
--compare adds the other runs (results folders or results.json files) side
by side; one that cannot be read is named in one warning and left out.
Exit 2 on an unusable RESULTS_DIR, 73 on a report that cannot be written.
"""

import errno
import os
import re
import statistics
import sys

from . import ktap, matrix, output, perf
from . import results as ur

PROG = "report"
USAGE = "usage: report RESULTS_DIR [--out REPORT.md] [--compare RUN...]"
LABELS = {"PASS": "PASS", "FAIL": "FAIL", "XFAIL": "XFAIL (known divergence)",
          "XPASS": "XPASS (known divergence did not occur)", "SKIP": "SKIP", "ERROR": "ERROR",
          "TIMEOUT": "TIMEOUT"}
PROBLEMS = ("FAIL", "ERROR", "TIMEOUT")


class UsageError(Exception):
    pass


def args_parse(argv):
    """(results_dir, out, compare list) from the command line."""
    results_dir, out, compare = None, None, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--out":
            if i + 1 >= len(argv):
                raise UsageError("--out needs a file name")
            out, i = argv[i + 1], i + 2
        elif arg == "--compare":
            i += 1
            while i < len(argv) and not argv[i].startswith("--"):
                compare.append(argv[i])
                i += 1
            if not compare:
                raise UsageError("--compare needs at least one run")
        elif arg.startswith("-"):
            raise UsageError(f"unknown option {arg}")
        elif results_dir is None:
            results_dir, i = arg, i + 1
        else:
            raise UsageError(f"one RESULTS_DIR only, {arg} is a second")
    if results_dir is None:
        raise UsageError("no RESULTS_DIR given")
    return results_dir, out or os.path.join(results_dir, "REPORT.md"), compare


# ---- small formatting helpers ------------------------------------------------


def duration_text(ms):
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def code(text):
    """Inline code that survives backticks in the text."""
    text = ur.text_clean(text)
    if "`" not in text:
        return f"`{text}`"
    return f"`` {text} ``"


def fence(lines, info="text"):
    """A fenced block longer than any backtick run inside it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    marks = "`" * max(3, longest + 1)
    return [f"{marks}{info}", *(ur.text_clean(line) for line in lines), marks]


def prose(text):
    """Input text for a Markdown paragraph: one line, no raw HTML."""
    return ur.text_clean(text).replace("<", "&lt;")


def cell(text):
    return prose(text).replace("|", "\\|")


def verdict_label(result):
    return LABELS[result['verdict']]


def failed_checks(result):
    return [k for k in result["checks"] if not k["ok"]]


def problem_line(result, quote=None):
    """What went wrong with one FAIL or ERROR, in one line; quote marks up
    the calls and values (inline code for Markdown)."""
    quote = quote or code
    failed = failed_checks(result)
    if result["verdict"] == "FAIL" and failed:
        k = failed[0]
        return (f"{quote(ur.call_short(k['call']))}: expected {quote(k['expected'])}, "
                f"observed {quote(k['observed'])}")
    return prose(result["reason"]) or "(no reason given)"


# ---- header ------------------------------------------------------------------


def rule_durations(doc):
    return [sum(r["duration_ms"] for r in rule["results"]) for rule in doc["rules"]]


def header_lines(doc):
    m, run = doc["machine"], doc["run"]
    counts = doc["counts"]
    durations = rule_durations(doc)
    median = duration_text(statistics.median(durations)) if durations else "n/a"
    sel = run["selection"]
    selected = f"rules matching {code(sel['rules'])}" if sel["rules"] else "every rule"
    if sel["families"] != list(ur.FAMILIES):
        selected += f", families {code(','.join(sel['families']))}"
    if sel["strict"]:
        selected += ", strict (known divergences fail the run)"
    lines = [
        f"# udpconform report: Linux {prose(m['kernel_release'])}"
        + ("" if doc["complete"] else " (INCOMPLETE RUN)"),
        "",
        *incomplete_lines(doc),
        f"{code(run['command'] or 'make check')} with udpconform {prose(doc['tool'] or '?')}, "
        f"{selected}.",
        "",
        f"- Kernel: {prose(m['kernel_release'])} {code(m['kernel_version']) if m['kernel_version'] else ''}".rstrip(),
        f"- Machine: {prose(m['arch'] or 'unknown')}, {prose(m['distribution'] or 'unknown distribution')}",
        f"- Date: {prose(run['date'] or 'unknown')}; wall time {run['wall_s']:.1f} s",
        f"- {len(doc['rules'])} rules, {sum(counts.values())} rule x family records; "
        f"median time per rule (all its families) {median}",
        "",
        "| " + " | ".join(LABELS[c] for c in ur.VERDICTS) + " |",
        "|" + "---:|" * len(ur.VERDICTS),
        "| " + " | ".join(str(counts[c]) for c in ur.VERDICTS) + " |",
        "",
    ]
    return lines


def incomplete_lines(doc):
    """What an incomplete run lacks, before anything else: such a run never passes."""
    if doc["complete"]:
        return []
    run, lines = doc["run"], []
    if "interrupted" in run:
        lines.append(f"**This run was interrupted by {run['interrupted']['signal']}**: "
                     "what ran is below, the rest never ran.")
    if "error" in run:
        lines.append(f"**This kernel's run failed**: {prose(run['error']['reason'])}.")
    if doc["missing"]:
        shown = ", ".join(code(k) for k in doc["missing"][:10])
        more = f" and {len(doc['missing']) - 10} more" if len(doc["missing"]) > 10 else ""
        lines.append(f"**{len(doc['missing'])} selected records are missing**: {shown}{more}.")
    return lines + [""]


def sysctl_lines(sysctls):
    if not sysctls:
        return []
    lines = ["Sysctls of the machine at the time (the probes set their own in their namespaces):", ""]
    lines += [f"- {code(name)} = {code(value)}" for name, value in sysctls.items()]
    return lines + [""]


# ---- the first screen ----------------------------------------------------------


def known_rules(doc):
    """Rules with an XFAIL or XPASS family: the documented divergences seen here."""
    return [rule for rule in doc["rules"]
            if any(r["verdict"] in ("XFAIL", "XPASS") for r in rule["results"])]


def glance_lines(doc, others, reference):
    """What ran, what failed, where the standards disagree, what differs
    between kernels: the report's first screen, each in one bullet."""
    problems = [(rule, r) for rule, r in ur.records_of(doc) if r["verdict"] in PROBLEMS]
    if problems:
        shown = "; ".join(f"{code(rule['id'])} {r['family']}: {problem_line(r)}"
                          for rule, r in problems[:5])
        more = f"; and {len(problems) - 5} more (Summary)" if len(problems) > 5 else ""
        failed = f"**{len(problems)} records failed**: {shown}{more}."
    else:
        failed = "**Nothing failed**: no FAIL, no ERROR, no TIMEOUT."
    known = known_rules(doc)
    disagree = [rule for rule in doc["rules"] if outcomes_disagree(rule)]
    if others:
        kernels = ", ".join(prose(o["machine"]["kernel_release"]) for o in others)
        between = (f"**Between kernels**: this run beside {kernels}; only the rows that differ, "
                   "each with the kernel change that explains it, are in "
                   "[Kernels side by side](#kernels-side-by-side).")
    else:
        between = ("**Between kernels**: this run only; `make matrix` runs the suite under one "
                   "kernel per Debian series and shows what differs.")
    lines = ["## At a glance", "", f"- {failed}"]
    if known:
        lines.append(f"- **Known divergences** (XFAIL, documented with their cause and kernels): "
                     f"{len(known)} rules — " + ", ".join(code(r["id"]) for r in known[:6])
                     + (", …" if len(known) > 6 else "") + ".")
    lines += [f"- **Where the standards disagree**: {len(disagree)} of {len(doc['rules'])} rules "
              "expect different outcomes under POSIX, BSD and Linux; the "
              "[table](#where-the-standards-disagree) says what each says and what this kernel did.",
              f"- {between}",
              f"- **Each rule** (its sentence, why, verdict per family and transcript): "
              f"[{reference}]({reference}).", ""]
    return lines


# ---- summary -----------------------------------------------------------------


def families_present(doc):
    found = {r["family"] for _, r in ur.records_of(doc)}
    return [f for f in ur.FAMILIES if f in found]


def topic_cell(results):
    counts = {c: 0 for c in ur.VERDICTS}
    for result in results:
        counts[result["verdict"]] += 1
    parts = [f"{n} {c}" for c, n in counts.items() if n]
    return ", ".join(parts) or "-"


def summary_lines(doc):
    lines = ["## Summary", ""]
    problems = [(rule, r) for rule, r in ur.records_of(doc) if r["verdict"] in PROBLEMS]
    if problems:
        lines += ["Failures and errors:", ""]
        lines += [f"- {r['verdict']} {code(rule['id'])} {r['family']}: {problem_line(r)}"
                  for rule, r in problems] + [""]
    families = families_present(doc)
    lines += ["Verdicts by topic and family:", "", "| topic | " + " | ".join(families) + " |", "|---|" + "---|" * len(families)]
    for topic in sorted({rule["topic"] for rule in doc["rules"]}):
        row = [topic_cell([r for rule, r in ur.records_of(doc)
                           if rule["topic"] == topic and r["family"] == f]) for f in families]
        lines.append(f"| {cell(topic)} | " + " | ".join(row) + " |")
    return lines + [""]


# ---- where the standards disagree ----------------------------------------------


def outcomes_disagree(rule):
    said = {" ".join(o["expects"].split()).lower() for o in rule["outcomes"]}
    return len(said) > 1


# Errno names as people read them: "EAGAIN (Resource temporarily unavailable)".
ERRNO_NAME = re.compile(r"\bE[A-Z0-9]{2,}\b")


def in_words(text):
    """text with every errno name followed by its description, so that a
    table cell never shows a bare EAGAIN."""
    def word(m):
        number = getattr(errno, m.group(0), None)
        if not isinstance(number, int):
            return m.group(0)
        return f"{m.group(0)} ({os.strerror(number).lower()})"
    return ERRNO_NAME.sub(word, text)


def observed_in_words(rule):
    """What this kernel did, per family where they differ, in words: a PASS
    is the Linux column's outcome; anything else says what was observed."""
    seen = []
    for result in rule["results"]:
        k = ur.check_decisive(rule, result)
        verdict = result["verdict"]
        if verdict == "PASS":
            seen.append((result["family"], "as Linux says (PASS)"))
        elif verdict == "SKIP":
            seen.append((result["family"], "not run (SKIP)"))
        elif verdict in ("XFAIL", "XPASS"):
            what = "known divergence" if verdict == "XFAIL" else "known divergence did not occur"
            got = f": observed {in_words(ur.observed_short(k['observed']))}" if k else ""
            seen.append((result["family"], f"{what} ({verdict}){got}"))
        else:
            got = f": observed {in_words(ur.observed_short(k['observed']))}" if k else ""
            seen.append((result["family"], f"{verdict}{got}"))
    values = list(dict.fromkeys(v for _, v in seen))
    if len(values) == 1:
        return values[0]
    return "; ".join(f"{f}: {v}" for f, v in seen)


def disagreement_lines(doc):
    lines = ["## Where the standards disagree", ""]
    rules = [rule for rule in doc["rules"] if outcomes_disagree(rule)]
    if not rules:
        return lines + ["Every rule run here has POSIX, BSD and Linux agreeing.", ""]
    lines += ["Rules whose expected outcome is not the same in POSIX, BSD (Stevens, 4.4BSD) "
              "and Linux, in the words each uses; *this kernel*: PASS is the Linux column's "
              "outcome, anything else says what the rule's deciding check observed. Each "
              "behaviour links to its rule, with its transcript, on the reference page.", "",
              "| behaviour | POSIX | BSD | Linux | this kernel |", "|---|---|---|---|---|"]
    for rule in rules:
        said = {o["source"]: in_words(o["expects"]) for o in rule["outcomes"]}
        behaviour = f"[{cell(rule['sentence'] or rule['id'])}]({reference_link(rule)})"
        lines.append(f"| {behaviour} | " + " | ".join(cell(said.get(src, "-")) for src in ur.SOURCES)
                     + f" | {cell(observed_in_words(rule))} |")
    return lines + [""]


# ---- the rules -----------------------------------------------------------------


def neutral_transcript(lines):
    """The transcript with addresses numbered by first use and AF_INET6 as
    AF_INET, so that families can be told apart only by what they did."""
    names = {}

    def number(m):
        return names.setdefault(m.group(0), f"<addr{len(names) + 1}>")

    pattern = re.compile(r"\[[0-9A-Fa-f:.]+\]|\b\d{1,3}(?:\.\d{1,3}){3}\b")
    return tuple(pattern.sub(number, line).replace("AF_INET6", "AF_INET") for line in lines)


def transcript_groups(rule):
    """[[result, ...], ...]: families whose transcripts read the same."""
    groups = {}
    for result in rule["results"]:
        groups.setdefault(neutral_transcript(result["transcript"]), []).append(result)
    return list(groups.values())


def transcript_lines(rule):
    lines = []
    for group in transcript_groups(rule):
        first = group[0]
        if not first["transcript"]:
            names = ", ".join(r["family"] for r in group)
            lines += [f"No transcript for {names}: the probe recorded no call.", ""]
            continue
        others = [r["family"] for r in group[1:]]
        same = (f" ({' and '.join(others)} read the same but for addresses and address family)"
                if others else "")
        lines += [f"Transcript, {first['family']}{same}:", "", *fence(first["transcript"]), ""]
    return lines


def verdict_lines(result):
    label, reason = verdict_label(result), result["reason"]
    if "known" in result and result["verdict"] in ("XFAIL", "XPASS"):
        reason = f"{result['known']['cause']} ({result['known']['kernels']})"
    reason = f": {reason}" if reason and result["verdict"] != "PASS" else ""
    lines = [f"- **{result['family']}**: {prose(label + reason)}"]
    for k in failed_checks(result):
        lines.append(f"  - {code(ur.call_short(k['call']))}: expected {code(k['expected'])}, "
                     f"observed {code(k['observed'])}")
    lines += [f"  - note: {prose(note)}" for note in result["notes"]]
    return lines


def reference_lines(rule):
    if not rule["outcomes"]:
        return []
    lines = ["References:", ""]
    lines += [f"- {o['source']}: {prose(o['cite'])}; expects {code(o['expects'])}"
              for o in rule["outcomes"]]
    return lines + [""]


def rule_lines(rule):
    lines = [f"#### {rule['id']}", "", prose(rule["sentence"]) or "(no sentence recorded)", ""]
    if rule["why"]:
        lines += [f"Why: {prose(rule['why'])}", ""]
    if rule["topology"]:
        lines += [f"Topology: {prose(rule['topology'])}.", ""]
    for result in rule["results"]:
        lines += verdict_lines(result)
    return lines + [""] + transcript_lines(rule) + reference_lines(rule)


REFERENCE = "RULES.md"


def anchor(rule_id):
    """The anchor a code-hosting site gives the heading '#### <rule id>'."""
    return re.sub(r"[^a-z0-9_-]", "", rule_id.lower())


def reference_link(rule):
    return f"{REFERENCE}#{anchor(rule['id'])}"


def rules_lines(doc):
    """REPORT.md's short Rules section: where the detail is, and by topic."""
    lines = ["## Rules", "",
             f"Every rule's sentence, why, verdict per family, transcript and references are "
             f"on the reference page, [{REFERENCE}]({REFERENCE}), by topic:", ""]
    topics = {}
    for rule in doc["rules"]:
        topics.setdefault(rule["topic"], []).append(rule)
    lines += [f"- [{prose(topic)}]({REFERENCE}#{anchor(topic)}): {len(rules)} "
              + ("rule" if len(rules) == 1 else "rules")
              for topic, rules in topics.items()]
    return lines + [""]


def reference_markdown(doc, results_dir):
    """The per-rule reference page (RULES.md beside REPORT.md)."""
    m = doc["machine"]
    lines = [f"# udpconform rules: Linux {prose(m['kernel_release'])}", "",
             "Each rule as this kernel answered it: its sentence, why the kernel behaves so, "
             "the verdict per family and the calls as they happened "
             "(sockets by role, kernel-chosen ports as `...`). The summary is "
             "[REPORT.md](REPORT.md).", ""]
    topics = list(dict.fromkeys(rule["topic"] for rule in doc["rules"]))
    if topics:
        lines += ["Topics: " + " · ".join(f"[{prose(t)}](#{anchor(t)})" for t in topics), ""]
    topic = None
    for rule in doc["rules"]:
        if rule["topic"] != topic:
            topic = rule["topic"]
            lines += [f"### {prose(topic)}", ""]
        lines += rule_lines(rule)
    detail = perf.perf_detail(results_dir)
    if detail:
        lines += detail.rstrip("\n").split("\n") + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


# ---- reproduce -------------------------------------------------------------------


def reproduce_lines(doc):
    release = ur.text_clean(doc["machine"]["kernel_release"])
    return ["## Reproduce", "", "From a checkout of udpconform, on the kernel to test:", "",
            *fence(["sudo make check                        # every rule, every family",
                    "sudo make check RULES='udp.send.*'     # the rules matching a glob",
                    "sudo make check FAMILIES=ipv6          # one family",
                    f"scripts/report results/{release} --out REPORT.md   # this report again",
                    f'make compare RUNS="results/{release} results/OTHER-RELEASE"'], "sh"), ""]


def details_lines(doc):
    """The run's particulars, after everything a reader came for."""
    lines = ["## Run details", ""] + sysctl_lines(doc["machine"]["sysctls"])
    durations = sorted(((sum(r["duration_ms"] for r in rule["results"]), rule["id"])
                        for rule in doc["rules"]), reverse=True)
    if durations:
        lines += ["Slowest rules (all families): " + ", ".join(
            f"{code(i)} {duration_text(ms)}" for ms, i in durations[:3]) + ".", ""]
    return lines


# What make verify-fix and make zoo wrote (scripts/verify-fix, scripts/zoo:
# each file is its own section, "## Kernel bugs found" and "## Regressions
# caught"), in the folder that holds the run's folder: results/ by default.
KERNEL_BUILD_SECTIONS = ("verify-fix.md", "zoo.md")


def kernel_build_lines(results_root):
    lines = []
    for name in KERNEL_BUILD_SECTIONS:
        path = os.path.join(results_root, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                lines += f.read().rstrip("\n").split("\n") + [""]
    return lines


def report_markdown(doc, others, results_dir, out, compare_dirs=()):
    lines = header_lines(doc) + glance_lines(doc, others, REFERENCE) + summary_lines(doc) \
        + disagreement_lines(doc)
    report_dir = os.path.dirname(os.path.abspath(out))
    if others:
        # Only the rows that differ, each with the kernel change that
        # explains it; the full matrix in MATRIX.md beside the report, as
        # RULES.md (udpc/matrix.py), so that a link from REPORT.md resolves
        # wherever the report goes.
        # The transcript diffs stay in `make compare`.
        lines += ["## Kernels side by side", ""] + matrix.section_lines(
            os.path.join(report_dir, "MATRIX.md"), [results_dir] + list(compare_dirs),
            report_dir) + [""]
    lines += kernel_build_lines(os.path.dirname(os.path.abspath(results_dir)))
    # make bench's figures, when it left them beside the results.
    section = perf.perf_section(results_dir, report_dir=report_dir)
    if section:
        lines += section.rstrip("\n").split("\n") + [""]
    section = perf.perf_across_kernels([d for d in compare_dirs if os.path.isdir(d)])
    if section:
        lines += section.rstrip("\n").split("\n") + [""]
    lines += rules_lines(doc) + reproduce_lines(doc) + details_lines(doc)
    return "\n".join(lines).rstrip("\n") + "\n"


def rule_counts(doc):
    """Per rule, as kselftest's runner counts its probes."""
    counts = {"ok": 0, "not ok": 0, "skip": 0}
    for rule in doc["rules"]:
        counts[ktap.rule_result(rule)] += 1
    return counts


def summary_text(doc, report_path):
    m, run, c = doc["machine"], doc["run"], doc["counts"]
    records = ur.records_of(doc)
    lines = [
        ur.text_clean(f"udpconform {doc['tool']} on Linux {m['kernel_release']} ({m['arch']}, "
                      f"{m['distribution']}): {len(doc['rules'])} rules, {len(records)} records, "
                      f"{run['wall_s']:.1f} s"),
        "  ".join(f"{k} {c[k]}" for k in ur.VERDICTS),
        "rules: " + "  ".join(f"{k} {n}" for k, n in rule_counts(doc).items()),
        *([] if doc["complete"] else [f"INCOMPLETE: {len(doc['missing'])} records missing"
                                      + (f", interrupted by {run['interrupted']['signal']}"
                                         if "interrupted" in run else "")]),
    ]
    for rule, result in records:
        kind = result["verdict"]
        if kind in PROBLEMS:
            detail = problem_line(result, quote=ur.text_clean)
            lines.append(ur.text_clean(f"{kind:5} {rule['id']}.{result['family']}: {detail}"))
    lines.append(f"report: {report_path}")
    return "\n".join(lines) + "\n"


def others_load(paths):
    """The runs to compare with; one that cannot be read (a half-copied folder)
    is named in one warning and left out, and this run is still reported."""
    docs, kept = [], []
    for path in paths:
        try:
            docs.append(ur.run_load(path))
            kept.append(path)
        except ur.InputError as e:
            print(f"{PROG}: warning: {ur.one_line(str(e), 300)}; left out of the comparison",
                  file=sys.stderr)
    return docs, kept


def main(argv):
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    try:
        results_dir, out, compare_dirs = args_parse(argv)
    except UsageError as e:
        print(f"{PROG}: {e}; {USAGE}", file=sys.stderr)
        return 2
    doc = ur.run_load(results_dir)
    others, compare_dirs = others_load(compare_dirs)
    ur.runs_load([results_dir] + compare_dirs)  # one run per kernel release, or exit 2
    try:
        output.file_write(out, report_markdown(doc, others, results_dir, out, compare_dirs))
        output.file_write(os.path.join(os.path.dirname(os.path.abspath(out)), REFERENCE),
                          reference_markdown(doc, results_dir))
    except output.OutputError as e:
        print(f"udpconform: {e}", file=sys.stderr)
        return 73
    sys.stdout.write(summary_text(doc, out))
    return 0
