# SPDX-License-Identifier: GPL-2.0-only
"""The verdicts of kernels built from one source tree, compared.

  python3 -m udpc.kernel verify OUT.md SRC STOCK_DIR PATCHED_DIR RULES_FILE
      make verify-fix: every row RULES_FILE names (patch, rule, family) must
      be XFAIL on the stock kernel and XPASS on the patched one; every other
      row must have the same verdict, checks and transcript on both.
  python3 -m udpc.kernel zoo OUT.md SRC STOCK_DIR MUTANT_DIR PATCH...
      make zoo: for each mutant kernel (results in MUTANT_DIR/<commit id>, the
      id that starts the patch's file name), the
      rows that fail there and did not fail on the stock kernel, and whether
      the rule its patch names (Caught-by:) is among them.
Each writes a markdown section to OUT.md and prints it; exit 0 when every
expectation held, 1 when one did not, 2 when a results folder is missing.
"""
import json
import os
import re
import sys

FAILING = {"FAIL", "ERROR", "TIMEOUT"}


def rows(folder):
    """(rule id, family) -> record, from a results folder's results.jsonl."""
    path = os.path.join(folder, "results.jsonl")
    if not os.path.isfile(path) or os.path.getsize(path) == 0:
        raise FileNotFoundError(f"{path}: no results (see {folder}/run.json)")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[(rec["id"], rec["family"])] = rec
    return out


def same(a, b):
    """What must not change between two kernels: verdict, checks, transcript."""
    keys = ("verdict", "checks", "transcript")
    return all(a.get(k) == b.get(k) for k in keys)


def verdict(rec, bug_row=False):
    """The verdict in the kernel's words (schema 2): a schema 1 record says
    FAIL with known: true for an XFAIL, and PASS for a declared-known row
    that passed (an XPASS)."""
    v = rec.get("verdict", "missing")
    if v == "FAIL" and rec.get("known") is True:
        return "XFAIL"
    if v == "PASS" and bug_row:
        return "XPASS"
    return v


def release(folder):
    try:
        with open(os.path.join(folder, "run.json"), encoding="utf-8") as f:
            return json.load(f)["kernel"]["release"]
    except (OSError, KeyError, ValueError):
        return os.path.basename(folder)


def rules_file(path):
    """(patch, rule, family) lines of kernel/patches/rules."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                out.append(tuple(line))
    return out


def patch_subject(path):
    """The Subject: header, unfolded (format-patch folds a long one)."""
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^Subject: (?:\[[^]]*\] )?(.*(?:\n[ \t].*)*)", f.read(), re.M)
    return re.sub(r"\s*\n\s+", " ", m.group(1)) if m else os.path.basename(path)


def trailers(path, name):
    with open(path, encoding="utf-8") as f:
        return [m.group(1).strip() for m in re.finditer(rf"^{name}: (.+)$", f.read(), re.M)]


def verify(out_md, src, stock_dir, fixed_dir, rules_path):
    stock, fixed = rows(stock_dir), rows(fixed_dir)
    wanted = rules_file(rules_path)
    patches_dir = os.path.dirname(rules_path)
    ok = True
    lines = [f"### {src}: {release(stock_dir)} and {release(fixed_dir)}", "",
             "| bug (patch) | rule | family | stock | patched | |",
             "| --- | --- | --- | --- | --- | --- |"]
    bug_rows = set()
    for patch, rule, family in wanted:
        key = (rule, family)
        bug_rows.add(key)
        s = verdict(stock.get(key, {}), True)
        p = verdict(fixed.get(key, {}), True)
        good = s == "XFAIL" and p == "XPASS"
        ok &= good
        subject = patch_subject(os.path.join(patches_dir, patch))
        lines.append(f"| {subject} (`{patch}`) | `{rule}` | {family} | {s} | {p} | "
                     f"{'as expected' if good else 'NOT as expected'} |")
    changed = [k for k in sorted(set(stock) | set(fixed))
               if k not in bug_rows and not (k in stock and k in fixed and same(stock[k], fixed[k]))]
    others = len(set(stock) | set(fixed)) - len(bug_rows)
    lines.append("")
    if changed:
        ok = False
        lines.append(f"{len(changed)} of the {others} other rows changed (they must not):")
        for rule, family in changed:
            s = stock.get((rule, family), {}).get("verdict", "missing")
            p = fixed.get((rule, family), {}).get("verdict", "missing")
            lines.append(f"- `{rule}` {family}: {s} -> {p}"
                         + ("" if s != p else " (same verdict, other checks or transcript)"))
    else:
        lines.append(f"The other {others} rows: the same verdict, checks and transcript on both kernels.")
    lines.append("")
    return finish(out_md, lines, ok)


def zoo(out_md, src, stock_dir, mutant_root, patches):
    stock = rows(stock_dir)
    ok = True
    lines = [f"### Regressions put back into {src} ({release(stock_dir)})", "",
             "| regression (fixed by) | rule that must catch it | rules that FAILed | |",
             "| --- | --- | --- | --- |"]
    for patch in patches:
        name = os.path.basename(patch).split("-", 1)[0]  # the fixing commit: the kernel's name
        fixed_by = ", ".join(trailers(patch, "Regression-of")) or "?"
        expected = trailers(patch, "Caught-by")
        try:
            mutant = rows(os.path.join(mutant_root, name))
        except FileNotFoundError as e:
            lines.append(f"| {fixed_by} | {', '.join(expected)} | ERROR: {e} | |")
            ok = False
            continue
        failed = sorted(k for k, rec in mutant.items()
                        if verdict(rec) in FAILING and verdict(stock.get(k, {})) not in FAILING)
        failed_rules = sorted({rule for rule, _ in failed})
        shown = ", ".join(f"`{r}` ({'/'.join(f for rr, f in failed if rr == r)})" for r in failed_rules)
        caught = [r for r in expected if r in failed_rules]
        if not expected or expected == ["none"]:
            judged = "not caught, as expected (see the patch)" if not failed else "caught, unexpectedly"
        elif caught:
            judged = "caught"
        else:
            judged = "NOT caught by the rule named" + (" (others failed)" if failed else "")
            ok = False
        lines.append(f"| {fixed_by} | {', '.join(f'`{r}`' for r in expected) or 'none'} | "
                     f"{shown or 'not caught'} | {judged} |")
    lines.append("")
    return finish(out_md, lines, ok)


def finish(out_md, lines, ok):
    text = "\n".join(lines) + "\n"
    with open(out_md, "a", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0 if ok else 1


def main(argv):
    try:
        if len(argv) == 6 and argv[0] == "verify":
            return verify(*argv[1:])
        if len(argv) >= 6 and argv[0] == "zoo":
            return zoo(argv[1], argv[2], argv[3], argv[4], argv[5:])
    except FileNotFoundError as e:
        print(f"kernel: {e}", file=sys.stderr)
        return 2
    print(__doc__.split("\n\n")[0], file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
