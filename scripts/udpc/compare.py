# SPDX-License-Identifier: GPL-2.0-only
"""compare RUN...: udpconform runs of different kernels side by side.

Each RUN is a results folder (results/<kernel-release>/) or a results.json.
Writes Markdown to stdout: one row per rule x family and one column per run,
rows that differ first; how many rows each pair of runs differs in; and a
unified diff of each transcript that differs.  Exit 2 on unusable input.
"""

import difflib
import sys

from . import matrix as um
from . import results as ur

PROG = "compare"


def result_index(doc):
    return {(rule["id"], result["family"]): (rule, result) for rule, result in ur.records_of(doc)}


def verdict_text(result):
    if result is None:
        return "not run"
    return result["verdict"]


def first_differing_check(results):
    """Index of the first check whose call or observed value differs, or None."""
    present = [r for r in results if r is not None and r["checks"]]
    if len(present) < 2:
        return None
    longest = max((len(r["checks"]) for r in present), default=0)
    for i in range(longest):
        seen = {(r["checks"][i]["call"], r["checks"][i]["observed"]) if i < len(r["checks"]) else None
                for r in present}
        if len(seen) > 1:
            return i
    return None


def row_differs(results):
    """Whether the runs differ on one row: verdict, a check's call or
    observed value, or the transcript."""
    verdicts = {verdict_text(r) for r in results}
    transcripts = {tuple(r["transcript"]) if r else None for r in results}
    return len(verdicts) > 1 or first_differing_check(results) is not None or len(transcripts) > 1


def md_cell(text):
    return ur.text_clean(text).replace("|", "\\|")


def run_failed(doc):
    """True for a kernel that never sent results (make matrix: a guest that
    panicked or hung): its column says so instead of differing everywhere."""
    return "error" in doc["run"]


def matrix_rows(docs):
    """[(differs, rule id, family, cells, results)] rows, differing first.
    The rows and their cells are udpc/matrix.py's, the one rendering of
    kernels side by side (make matrix's and REPORT.md's); compare adds which
    rows differ (verdict, checks or transcript) and marks a run that sent
    nothing."""
    indexes = [result_index(doc) for doc in docs]
    columns = [{"records": {key: {**rule, **result} for key, (rule, result) in ix.items()}}
               for ix in indexes]
    cells_by_row, _ = um.matrix_rows(columns)
    reported = [i for i, doc in enumerate(docs) if not run_failed(doc)]
    rows = []
    for (rule_id, family), cells in cells_by_row.items():
        results = [ix.get((rule_id, family), (None, None))[1] for ix in indexes]
        differs = row_differs([results[i] for i in reported])
        cells = ["ERROR (no results)" if run_failed(doc) else md_cell(c) for c, doc in zip(cells, docs)]
        rows.append((differs, rule_id, family, cells, results))
    rows.sort(key=lambda row: not row[0])
    return rows


def matrix_markdown(docs, rows, heading="##"):
    labels = [md_cell(ur.run_label(doc)) for doc in docs]
    out = [f"{heading} Kernels side by side", ""]
    for label, doc in zip(labels, docs):
        out.append(f"- `{label}`: {md_cell(ur.run_description(doc))}")
        if run_failed(doc):
            error = doc["run"]["error"]
            out += [f"  - **ERROR**: {md_cell(error['reason'])}; its last console lines:", "",
                    "    ```text", *(f"    {ur.text_clean(line)}" for line in error["console"]), "    ```"]
    differing = sum(1 for row in rows if row[0])
    out += ["", f"{len(rows)} rule x family rows, {differing} differ between runs. "
            "A cell that is not PASS shows the errno the kernel answered, as in make matrix.", ""]
    out.append("| rule | family | " + " | ".join(f"`{label}`" for label in labels) + " |")
    out.append("|---|---|" + "---|" * len(labels))
    for differs, rule_id, family, cells, _ in rows:
        mark = " (differs)" if differs else ""
        out.append(f"| `{rule_id}`{mark} | {family} | " + " | ".join(cells) + " |")
    out += ["", "Rows that differ, per pair of runs:", ""]
    out += pair_counts(labels, rows, docs)
    return out


def pair_counts(labels, rows, docs):
    out = []
    for a in range(len(labels)):
        for b in range(a + 1, len(labels)):
            if run_failed(docs[a]) or run_failed(docs[b]):
                continue
            n = sum(1 for row in rows if pair_differs(row[4][a], row[4][b]))
            out.append(f"- `{labels[a]}` vs `{labels[b]}`: {n}")
    return out


def pair_differs(x, y):
    if x is None or y is None:
        return x is not y
    return row_differs([x, y])


def transcript_diffs(docs, rows, heading="##"):
    """A unified diff per rule x family whose transcripts differ from the first run's."""
    labels = [ur.run_label(doc) for doc in docs]
    out = []
    for _, rule_id, family, _, results in rows:
        base = next((i for i, r in enumerate(results) if r is not None), None)
        for i, r in enumerate(results):
            if r is None or i == base or r["transcript"] == results[base]["transcript"]:
                continue
            diff = difflib.unified_diff(
                [ur.text_clean(line) for line in results[base]["transcript"]],
                [ur.text_clean(line) for line in r["transcript"]],
                f"{labels[base]}/{rule_id}.{family}", f"{labels[i]}/{rule_id}.{family}", lineterm="")
            out += [f"`{rule_id}` ({family}), `{labels[base]}` against `{labels[i]}`:", "",
                    "```diff", *diff, "```", ""]
    if not out:
        return [f"{heading} Transcripts", "", "Every transcript is the same in every run.", ""]
    return [f"{heading} Transcripts that differ", "", *out]


def compare_markdown(docs, heading="##"):
    """The comparison as Markdown lines; scripts/report embeds it too."""
    rows = matrix_rows(docs)
    return matrix_markdown(docs, rows, heading) + [""] + transcript_diffs(docs, rows, heading)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: compare RUN... (results folders or results.json files)",
              file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    try:
        docs = ur.runs_load(argv)
    except ur.InputError as e:
        print(f"{PROG}: {ur.one_line(str(e), 400)}", file=sys.stderr)
        return 2
    lines = ["# udpconform: kernels compared", ""] + compare_markdown(docs)
    sys.stdout.write("\n".join(lines).rstrip("\n") + "\n")
    return 0


