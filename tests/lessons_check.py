#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""docs/lessons/ against itself (tests/lessons.bats).

  links   every relative link and image in docs/lessons/**/*.md names a file
          that exists and, with #anchor, an anchor of that page: a heading
          (as a code-hosting site makes its id) or an <a id="...">
  rules   every rule id of placement.tsv has its section (anchor) on exactly
          one chapter page per language, and no page has a section of a rule
          that is no longer placed (pages older than the data: make lessons)
  render  docs/lessons/README.md and one chapter per language to HTML with
          python3-markdown, into the folder given (the bats test screenshots it)

Exits 1 with one line per problem.  Debian's /usr/bin/python3, standard
library only (markdown for render).
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LESSONS = os.path.join(ROOT, "docs", "lessons")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')


def pages():
    """The pages a reader sees; text/ holds the sources of generated pages,
    whose links are relative to the page they end up in."""
    text = os.path.join(LESSONS, "text") + os.sep
    return sorted(p for p in glob.glob(os.path.join(LESSONS, "**", "*.md"), recursive=True)
                  if not p.startswith(text))


def prose(text):
    """The text without fenced code blocks and code spans: links there are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading):
    """The id a code-hosting site (GitHub's rule) gives a heading."""
    text = re.sub(r"<[^>]+>", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    found = set()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found.update(ANCHOR.findall(text))
    for line in re.sub(r"^```.*?^```", "", text, flags=re.S | re.M).splitlines():
        m = HEADING.match(line)
        if m:
            found.add(slug(m.group(1)))
    return found


def check_links():
    problems, cache = [], {}
    for page in pages():
        with open(page, encoding="utf-8") as f:
            text = prose(f.read())
        for target in LINK.findall(text):
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, frag = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
            where = os.path.relpath(page, ROOT)
            if not os.path.exists(dest):
                problems.append(f"{where}: link to {target}: no such file")
                continue
            if frag and dest.endswith(".md"):
                if dest not in cache:
                    cache[dest] = anchors(dest)
                if frag not in cache[dest]:
                    problems.append(f"{where}: link to {target}: no such anchor")
    return problems


def check_rules():
    placed = {}
    with open(os.path.join(LESSONS, "data", "placement.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rid, chap = line.rstrip("\n").split("\t")
                placed[rid.replace(".", "-")] = rid
    problems = []
    for lang, folder in (("en", LESSONS), ("zh-CN", os.path.join(LESSONS, "zh-CN"))):
        seen = {}
        for page in sorted(glob.glob(os.path.join(folder, "0*.md"))):
            with open(page, encoding="utf-8") as f:
                for a in ANCHOR.findall(f.read()):
                    if a.startswith("udp-"):
                        seen.setdefault(a, []).append(os.path.basename(page))
        for a, rid in placed.items():
            if len(seen.get(a, [])) != 1:
                problems.append(f"{lang}: rule {rid} has {len(seen.get(a, []))} sections "
                                f"(expected 1): run make lessons")
        for a in sorted(set(seen) - set(placed)):
            problems.append(f"{lang}: {seen[a][0]} has a section of {a}, which is placed nowhere: "
                            "run make lessons")
    return problems


def render(out):
    import markdown  # noqa: PLC0415 -- only the render check needs python3-markdown
    style = ("<meta charset='utf-8'><style>body{font-family:'DejaVu Sans','Noto Sans CJK SC',"
             "sans-serif;max-width:1000px;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:3px}pre{background:#f6f8fa;padding:8px}</style>")
    for rel in ("README.md", "04-asynchronous-errors.md", "zh-CN/README.md",
                "zh-CN/04-asynchronous-errors.md"):
        src = os.path.join(LESSONS, rel)
        with open(src, encoding="utf-8") as f:
            body = markdown.markdown(f.read(), extensions=["tables", "fenced_code"])
        base = "file://" + os.path.dirname(src) + "/"
        name = rel.replace("/", "-").replace(".md", ".html")
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(f"<base href='{base}'>{style}{body}")
    return []


def main(argv):
    if argv[:1] == ["render"]:
        problems = render(argv[1])
    elif argv[:1] == ["rules"]:
        problems = check_rules()
    else:
        problems = check_links()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
