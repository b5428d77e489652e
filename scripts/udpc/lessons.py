# SPDX-License-Identifier: GPL-2.0-only
"""The lesson book (docs/lessons/, issue 17), generated.

Inputs, each kept once:
  - every rule's metadata, from its probe's --meta (build/rules.tsv maps ids
    to probes): id, sentence, why, topology, outcomes, known;
  - one real run's results.json: the verdict per family and the transcripts;
  - docs/lessons/data/: chapters.tsv (the teaching order), placement.tsv
    (rule id -> chapter), questions.tsv (the reader questions, both languages);
  - docs/lessons/i18n/zh-CN.tsv: the Chinese sentence and why of each rule,
    keyed by id and pinned to the English it translates (a hash of it);
  - docs/lessons/text/<lang>/<chapter>.md: the hand-written connecting text,
    the idea before a '<!-- rules -->' line and "what Stevens says / what
    Linux does" after it;
  - the topologies as data (netns/tools/topologies: topo_print_json()).
Outputs: docs/lessons/*.md, docs/lessons/zh-CN/*.md, docs/lessons/diagrams/.

  scripts/lessons --build BUILD --results results/<kernel>/results.json [--out docs/lessons]
  scripts/lessons --check-data [--build BUILD]   the tables agree with the rules
"""
import argparse
import hashlib
import html
import ipaddress
import json
import os
import re
import subprocess
import sys

from . import perf, results

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# UDPC_LESSONS: another copy of the data (the tests alter one).
LESSONS = os.environ.get("UDPC_LESSONS") or os.path.join(ROOT, "docs", "lessons")
LANGS = ("en", "zh-CN")
FAMILIES = ("ipv4", "ipv6", "mapped")

# The words of the generated parts, per language.
WORDS = {
    "en": {
        "book": "The lesson book: connected UDP by experiment",
        "chapters": "Chapters", "questions": "Questions readers ask, answered by experiment",
        "q": "Question", "a": "Measured answer", "rules": "Rules",
        "answered": "questions answered by at least one rule",
        "idea": "The idea", "proof": "The rules that prove it",
        "stevens": "What Stevens says, what Linux does",
        "sequence": "One run, drawn", "topology": "topology",
        "verdicts": "Verdict on", "family": "family", "transcript": "Transcript",
        "why": "Why (the kernel path)", "source": "authority", "cite": "reference",
        "expects": "expects", "known": "Known divergence", "file": "the rule's file",
        "glossary": "Glossary", "legend": "How to read a transcript",
        "prev": "previous", "next": "next", "index": "contents",
        "kernel_line": "Verdicts and transcripts are from one run on Linux {kernel} ({date}); "
                       "`make lessons` regenerates every page from the rules and a new run.",
        "seq_caption": "The ipv4 transcript of [`{id}`](#{anchor}), one row per call; "
                       "arrows are datagrams, a dashed arrow the ICMP error the kernel answered with.",
        "no_transcript": "(no transcript: every family was skipped)",
    },
    "zh-CN": {
        "book": "课本：用实验学习已连接的 UDP",
        "chapters": "章节", "questions": "读者的问题，用实验回答",
        "q": "问题", "a": "实测答案", "rules": "规则",
        "answered": "个问题至少由一条规则回答",
        "idea": "要点", "proof": "证明它的规则",
        "stevens": "Stevens 怎么说，Linux 怎么做",
        "sequence": "一次运行的图示", "topology": "拓扑",
        "verdicts": "判定，内核", "family": "地址族", "transcript": "调用记录",
        "why": "原因（内核路径）", "source": "依据", "cite": "出处",
        "expects": "预期", "known": "已知差异", "file": "规则源文件",
        "glossary": "术语表", "legend": "如何阅读调用记录",
        "prev": "上一章", "next": "下一章", "index": "目录",
        "kernel_line": "判定和调用记录来自 Linux {kernel} 上的一次运行（{date}）；"
                       "`make lessons` 从规则和新的运行结果重新生成所有页面。",
        "seq_caption": "[`{id}`](#{anchor}) 的 ipv4 调用记录，每行一个调用；"
                       "实线箭头是数据报，虚线箭头是内核回应的 ICMP 错误。",
        "no_transcript": "（无调用记录：所有地址族都被跳过）",
    },
}


class DataError(results.InputError):
    """Data the book cannot be made from: one line (main_guarded() prints it)."""

    def __init__(self, message):  # pylint: disable=super-init-not-called
        Exception.__init__(self, message)  # noqa -- one message, not path + problem


# ---- reading the data ------------------------------------------------------------

def read_tsv(path, ncols):
    """Rows of a tab-separated file; '#' lines are comments."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                raise DataError(f"{os.path.relpath(path, ROOT)}:{n}: {len(cols)} columns, "
                                f"expected {ncols}")
            rows.append(cols)
    return rows


def load_metas(build):
    """Every rule's --meta, through build/rules.tsv (the one id -> probe map)."""
    index = os.path.join(build, "rules.tsv")
    if not os.path.exists(index):
        raise DataError(f"{index} is missing: run 'make' first")
    metas = {}
    with open(index, encoding="utf-8") as f:
        for line in f:
            rid, probe = line.rstrip("\n").split("\t")[:2]
            out = subprocess.run([os.path.join(build, probe), "--meta"], check=True,
                                 capture_output=True, text=True).stdout
            metas[rid] = json.loads(out)
    return metas


def english_hash(meta):
    """What a translation is pinned to: the English sentence and why."""
    text = meta["sentence"] + "\n" + meta["why"]
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def load_data():
    chapters = [dict(n=int(r[0]), slug=r[1], file=r[2], title={"en": r[3], "zh-CN": r[4]},
                     seq=r[5]) for r in read_tsv(os.path.join(LESSONS, "data", "chapters.tsv"), 6)]
    placement = read_tsv(os.path.join(LESSONS, "data", "placement.tsv"), 2)
    questions = [dict(qid=r[0], chapter=r[1], rules=r[2].split(","),
                      q={"en": r[3], "zh-CN": r[5]}, a={"en": r[4], "zh-CN": r[6]})
                 for r in read_tsv(os.path.join(LESSONS, "data", "questions.tsv"), 7)]
    zh = read_tsv(os.path.join(LESSONS, "i18n", "zh-CN.tsv"), 4)
    return chapters, placement, questions, zh


def check_data(metas, chapters, placement, questions, zh):
    """Every way the tables can disagree with the rules, as lines."""
    problems = []
    ids = set(metas)
    slugs = {c["slug"] for c in chapters}
    seen = {}
    for rid, chap in placement:
        if rid in seen:
            problems.append(f"placement.tsv: {rid} placed twice ({seen[rid]}, {chap})")
        seen[rid] = chap
        if rid not in ids:
            problems.append(f"placement.tsv: {rid} is no rule (renamed or removed?)")
        if chap not in slugs:
            problems.append(f"placement.tsv: {rid}: unknown chapter {chap}")
    for rid in sorted(ids - set(seen)):
        problems.append(f"placement.tsv: {rid} is in no chapter: add a row")
    for c in chapters:
        if c["seq"] not in ids:
            problems.append(f"chapters.tsv: chapter {c['slug']} draws {c['seq']}, which is no rule")
    tr = {}
    for rid, h, sentence, why in zh:
        if rid in tr:
            problems.append(f"i18n/zh-CN.tsv: {rid} translated twice")
        tr[rid] = (h, sentence, why)
        if rid not in ids:
            problems.append(f"i18n/zh-CN.tsv: {rid} is no rule (stale)")
        elif h != english_hash(metas[rid]):
            problems.append(f"i18n/zh-CN.tsv: {rid} translates an older English sentence or why "
                            f"(hash {h}, now {english_hash(metas[rid])}): update the translation")
        if not sentence.strip() or not why.strip():
            problems.append(f"i18n/zh-CN.tsv: {rid} has an empty translation")
    for rid in sorted(ids - set(tr)):
        problems.append(f"i18n/zh-CN.tsv: {rid} has no Chinese sentence and why")
    qids = set()
    for q in questions:
        if q["qid"] in qids:
            problems.append(f"questions.tsv: {q['qid']} twice")
        qids.add(q["qid"])
        if q["chapter"] not in slugs:
            problems.append(f"questions.tsv: {q['qid']}: unknown chapter {q['chapter']}")
        for rid in q["rules"]:
            if rid not in ids:
                problems.append(f"questions.tsv: {q['qid']} names {rid}, which is no rule")
        for lang in LANGS:
            if not q["q"][lang].strip() or not q["a"][lang].strip():
                problems.append(f"questions.tsv: {q['qid']} lacks its {lang} question or answer")
    return problems


# ---- small helpers ---------------------------------------------------------------

def anchor(rid):
    return rid.replace(".", "-")


def lang_dir(out, lang):
    return out if lang == "en" else os.path.join(out, lang)


def up(lang):
    """From a page of language lang to docs/lessons/."""
    return "" if lang == "en" else "../"


def repo_up(lang):
    return "../../" if lang == "en" else "../../../"


def case_path(rid):
    _, topic, claim = rid.split(".", 2)
    return f"cases/{topic}/{claim}.c"


def verdict_of(res, rid):
    return {r["family"]: r for r in res.get(rid, {}).get("results", [])}


def verdict_words(res, rid, lang):
    """'PASS' when every family agrees, else 'ipv4 PASS, ipv6 SKIP, ...'."""
    fam = verdict_of(res, rid)
    verdicts = [fam[f]["verdict"] for f in FAMILIES if f in fam]
    if not verdicts:
        return "—"
    if len(set(verdicts)) == 1:
        return verdicts[0]
    return ", ".join(f"{f} {fam[f]['verdict']}" for f in FAMILIES if f in fam)


def first_transcript(res, rid):
    fam = verdict_of(res, rid)
    for f in FAMILIES:
        if f in fam and fam[f]["verdict"] != "SKIP" and fam[f].get("transcript"):
            return f, fam[f]["transcript"]
    return None, []


# ---- pages -----------------------------------------------------------------------

def rule_section(meta, res, lang, tr, kernel):
    w = WORDS[lang]
    rid = meta["id"]
    sentence, why = (meta["sentence"], meta["why"]) if lang == "en" else tr[rid][2:]
    lines = [f'<a id="{anchor(rid)}"></a>', "", f"### `{rid}`", "", f"**{sentence}**", "",
             f"{w['why']}: {why}", ""]
    fam = verdict_of(res, rid)
    lines += [f"| {w['family']} | {w['verdicts']} {kernel} |", "| --- | --- |"]
    for f in FAMILIES:
        if f in fam:
            r = fam[f]
            note = f" ({r['reason']})" if r.get("reason") else ""
            lines.append(f"| {f} | {r['verdict']}{note} |")
    lines.append("")
    f, transcript = first_transcript(res, rid)
    if transcript:
        lines += [f"{w['transcript']} ({f}):", "", "```"] + transcript + ["```", ""]
    else:
        lines += [w["no_transcript"], ""]
    lines += [f"| {w['source']} | {w['cite']} | {w['expects']} |", "| --- | --- | --- |"]
    for o in meta["outcomes"]:
        lines.append(f"| {o['source']} | {o['cite']} | {o['expects']} |".replace("\n", " "))
    lines.append("")
    if meta.get("known"):
        k = meta["known"]
        lines += [f"{w['known']}: " + "; ".join(f"{key}: {val}" for key, val in k.items()
                                                 if isinstance(val, str)), ""]
    lines += [f"[{w['file']}: `{case_path(rid)}`]({repo_up(lang)}{case_path(rid)})", ""]
    return lines


def split_text(lang, slug):
    path = os.path.join(LESSONS, "text", lang, f"{slug}.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "<!-- rules -->" not in text:
        raise DataError(f"{os.path.relpath(path, ROOT)}: no '<!-- rules -->' line")
    idea, stevens = text.split("<!-- rules -->", 1)
    # docs/cost.md holds the one English text of the performance lesson
    # (REPORT.md reads it too); a chapter names it by this marker.
    idea = idea.replace("<!-- cost -->", "\n".join(perf.cost_text()))
    return idea.strip(), stevens.strip()


def nav(chapters, i, lang):
    w = WORDS[lang]
    parts = [f"[{w['index']}](README.md)"]
    if i > 0:
        parts.insert(0, f"[← {w['prev']}]({chapters[i - 1]['file']})")
    if i + 1 < len(chapters):
        parts.append(f"[{w['next']} →]({chapters[i + 1]['file']})")
    return " · ".join(parts)


def other_lang_link(lang, page):
    return f"[English]({'../' + page})" if lang != "en" else f"[中文](zh-CN/{page})"


def chapter_page(c, chapters, i, metas, res, placement, lang, tr, run):
    w = WORDS[lang]
    idea, stevens = split_text(lang, c["slug"])
    rids = [rid for rid, chap in placement if chap == c["slug"]]
    topos = sorted({metas[r]["topology"] for r in rids})
    lines = [f"<!-- generated by scripts/lessons from the rules, {run['date']}: edit "
             f"docs/lessons/text/{lang}/{c['slug']}.md or the data, not this page -->",
             "", nav(chapters, i, lang) + " · " + other_lang_link(lang, c["file"]), "",
             f"# {c['n']}. {c['title'][lang]}", "",
             w["kernel_line"].format(kernel=run["kernel"], date=run["date"]), "",
             f"## {w['idea']}", "", idea, "",
             f"## {w['sequence']}", "",
             f"![{c['seq']}]({up(lang)}diagrams/seq-{c['slug']}.svg)", "",
             w["seq_caption"].format(id=c["seq"], anchor=anchor(c["seq"])), "",
             f"## {w['proof']}", ""]
    lines += [w["topology"] + ": " + ", ".join(
        f"[`{t}`]({up(lang)}diagrams/topo-{t}.svg)" for t in topos), ""]
    for rid in rids:
        lines += [f"- [`{rid}`](#{anchor(rid)}): {verdict_words(res, rid, lang)}"]
    lines.append("")
    for rid in rids:
        lines += rule_section(metas[rid], res, lang, tr, run["kernel"])
    lines += [f"## {w['stevens']}", "", stevens, "", nav(chapters, i, lang), ""]
    return "\n".join(lines)


def index_page(chapters, questions, metas, res, placement, lang, run):
    w = WORDS[lang]
    where = {rid: chap for rid, chap in placement}
    files = {c["slug"]: c["file"] for c in chapters}
    intro_path = os.path.join(LESSONS, "text", lang, "README.md")
    with open(intro_path, encoding="utf-8") as f:
        intro = f.read().strip()
    answered = sum(1 for q in questions if q["rules"] and all(r in metas for r in q["rules"]))
    lines = [f"<!-- generated by scripts/lessons: edit docs/lessons/text/{lang}/README.md "
             "or docs/lessons/data/, not this page -->", "",
             other_lang_link(lang, "README.md"), "", f"# {w['book']}", "", intro, "",
             w["kernel_line"].format(kernel=run["kernel"], date=run["date"]), "",
             f"## {w['chapters']}", ""]
    for c in chapters:
        n = sum(1 for _, chap in placement if chap == c["slug"])
        lines.append(f"{c['n']}. [{c['title'][lang]}]({c['file']}) ({n})")
    lines += ["", f"[{w['glossary']}](glossary.md) · [{w['legend']}](legend.md)", "",
              f"## {w['questions']}", "",
              f"{answered}/{len(questions)} {w['answered']}.", "",
              f"| # | {w['q']} | {w['a']} | {w['rules']} |", "| --- | --- | --- | --- |"]
    for n, q in enumerate(questions, 1):
        links = "<br>".join(
            f"[`{r.split('.', 1)[1]}`]({files[where[r]]}#{anchor(r)}) "
            f"{verdict_words(res, r, lang)}" for r in q["rules"] if r in where)
        lines.append(f'| <a id="{q["qid"]}"></a>{n} | {q["q"][lang]} | {q["a"][lang]} | {links} |')
    lines.append("")
    return "\n".join(lines), answered


# ---- diagrams --------------------------------------------------------------------

def short6(text):
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return text


def topology_dot(t, plan):
    """One topology as graphviz: hosts as boxes with their addresses, each
    segment a bridge or a straight veth."""
    name = t["name"]
    out = [f'graph "{name}" {{', '  graph [rankdir=LR, fontname="DejaVu Sans", '
           f'label="topology {name}", labelloc=t];',
           '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", '
           'fontname="DejaVu Sans Mono", fontsize=10];',
           '  edge [fontname="DejaVu Sans Mono", fontsize=9];']
    if not t["segments"]:
        l4, l6 = plan["loopback"]
        out.append(f'  one [label="client, server, stranger\\none namespace, lo\\n{l4}\\n{l6}"];')
    addrs = {}
    for seg in t["segments"]:
        for h in seg["hosts"]:
            addrs.setdefault(h["host"], []).append(
                f'{seg["device"]}: {h["ipv4"]}\\n{short6(h["ipv6"])}')
    for host, lines in addrs.items():
        extra = ""
        if host == "router" and t["routed"]:
            extra = f"\\nunreachable {plan['unreachable'][0]}\\n{short6(plan['unreachable'][1].split('/')[0])}/64"
        out.append(f'  {host} [label="{host}\\n' + "\\n".join(lines) + extra + '"];')
    for seg in t["segments"]:
        label = f'{seg["ipv4"]}\\n{short6(seg["ipv6"].split("/")[0])}/64'
        hosts = [h["host"] for h in seg["hosts"]]
        if seg["bridge"]:
            br = f'br_{seg["device"]}'
            out.append(f'  {br} [label="bridge\\n{label}", shape=ellipse, fillcolor="#e8f0ff"];')
            out += [f'  {h} -- {br};' for h in hosts]
        else:
            out.append(f'  {hosts[0]} -- {hosts[1]} [label="{label}"];')
    out.append("}")
    return "\n".join(out) + "\n"


CALL = re.compile(r"^(?P<call>[a-z_]+)\((?P<sock>[a-z_0-9]+)")
ADDR = re.compile(r"(\[[0-9a-f:.]+\]|\d+\.\d+\.\d+\.\d+):(\d+)")
SEND_CALLS = ("send", "sendto", "sendmsg", "write", "writev", "sendmmsg")
RECV_CALLS = ("recv", "recvfrom", "recvmsg", "read", "readv", "recvmmsg")


def sequence_rows(transcript):
    """Participants and rows of a transcript: which socket made each call,
    and for a datagram, which socket (or unbound address) it went to."""
    bound, peer, order = {}, {}, []
    rows = []
    for line in transcript:
        m = CALL.match(line)
        call, sock = (m.group("call"), m.group("sock")) if m else (None, None)
        if sock and call != "socket" or (m and call == "socket"):
            who = line.rsplit("= ", 1)[-1].split(" ")[0] if call == "socket" else sock
            if who not in order:
                order.append(who)
        row = {"text": line, "who": sock if call != "socket" else None, "to": None,
               "error": " = -1 " in line}
        addrs = ADDR.findall(line)
        if call == "bind" and addrs:
            bound[sock] = ":".join(addrs[0])
        elif call == "connect" and addrs and not row["error"]:
            peer[sock] = ":".join(addrs[0])
        elif call in SEND_CALLS and not row["error"]:
            dest = ":".join(addrs[-1]) if call == "sendto" and addrs else peer.get(sock)
            if dest:
                row["to"] = next((s for s, a in bound.items() if a == dest), dest)
        rows.append(row)
    for row in rows:
        if row["to"] and row["to"] not in order:
            order.append(row["to"])
    # A datagram to an address no socket of the rule is bound to, on a
    # socket that later fails with ECONNREFUSED: the peer's host answered
    # with ICMP port unreachable.  The transcript has no line for it (the
    # probe captures no ICMP), so it is drawn as a row of its own that says
    # it is the kernel's answer, not a call.
    if any("ECONNREFUSED" in r["text"] for r in rows):
        out = []
        for row in rows:
            out.append(row)
            if row["to"] and re.match(r"^[\[\d]", row["to"]):
                out.append({"text": f"  (not a call: {row['to'].rsplit(':', 1)[0]} answers ICMP port unreachable)",
                            "who": row["to"], "to": row["who"], "error": True, "icmp": True})
        rows = out
    return order, rows


def sequence_svg(rid, transcript):
    """A hand-made SVG: the transcript on the left, one lifeline per socket
    on the right; a datagram is an arrow at the row of the call that sent
    it, the ICMP answer (sequence_rows()) a dashed one back."""
    order, rows = sequence_rows(transcript)
    text_w, col_w, row_h, top = 560, 150, 20, 50
    width = text_w + col_w * len(order) + 20
    height = top + row_h * (len(rows) + 1)
    x = {p: text_w + col_w * i + col_w // 2 for i, p in enumerate(order)}
    e = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans Mono, monospace" font-size="11">',
           f'<title>{e(rid)}</title>', '<rect width="100%" height="100%" fill="white"/>',
           '<defs><marker id="a" markerWidth="8" markerHeight="8" refX="7" refY="4" '
           'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#333"/></marker>'
           '<marker id="r" markerWidth="8" markerHeight="8" refX="7" refY="4" '
           'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#b00"/></marker></defs>',
           f'<text x="8" y="18" font-weight="bold">{e(rid)} (ipv4)</text>']
    for p in order:
        label = p if not re.match(r"^[\[\d]", p) else p + " (nobody)"
        out.append(f'<text x="{x[p]}" y="40" text-anchor="middle" font-weight="bold">{e(label)}</text>')
        out.append(f'<line x1="{x[p]}" y1="44" x2="{x[p]}" y2="{height - 6}" stroke="#bbb" '
                   'stroke-dasharray="3,3"/>')
    for i, r in enumerate(rows):
        y = top + row_h * i + 14
        text = r["text"] if len(r["text"]) <= 84 else r["text"][:83] + "…"
        colour = "#b00" if r["error"] else "#000"
        style = ' font-style="italic"' if r.get("icmp") else ""
        out.append(f'<text x="8" y="{y}" fill="{colour}"{style}>{e(text)}</text>')
        if r["who"] in x:
            out.append(f'<circle cx="{x[r["who"]]}" cy="{y - 4}" r="3" fill="{colour}"/>')
        if r["to"] in x and r["who"] in x and r["to"] != r["who"]:
            icmp = r.get("icmp")
            stroke = 'stroke="#b00" stroke-dasharray="4,3" marker-end="url(#r)"' if icmp else \
                'stroke="#333" marker-end="url(#a)"'
            out.append(f'<line x1="{x[r["who"]]}" y1="{y - 4}" x2="{x[r["to"]]}" y2="{y - 4}" '
                       f'{stroke}/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def topologies(build):
    tool = os.path.join(build, "netns", "tools", "topologies")
    return json.loads(subprocess.run([tool], check=True, capture_output=True, text=True).stdout)


def write_topologies(build, out, dot=True):
    plan = topologies(build)
    paths = []
    for t in plan["topologies"]:
        src = os.path.join(out, "diagrams", f"topo-{t['name']}.dot")
        write(src, topology_dot(t, plan))
        paths.append(src)
        if dot:
            svg = subprocess.run(["dot", "-Tsvg", src], check=True, capture_output=True,
                                 text=True).stdout
            # graphviz writes its version in a comment: leave it out, so that
            # the committed SVG changes only when the drawing does.
            svg = re.sub(r"<!-- Generated by graphviz.*?-->\n", "", svg)
            write(src[:-4] + ".svg", svg)
    return paths


# ---- main ------------------------------------------------------------------------

def main(argv):
    ap = argparse.ArgumentParser(prog="lessons")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--results", help="results.json of the run the pages show")
    ap.add_argument("--out", default=LESSONS)
    ap.add_argument("--check-data", action="store_true")
    ap.add_argument("--topologies", action="store_true", help="only the topology diagrams")
    ap.add_argument("--no-svg", action="store_true", help="graphviz sources only (no dot here)")
    args = ap.parse_args(argv)
    metas = load_metas(args.build)
    chapters, placement, questions, zh = load_data()
    problems = check_data(metas, chapters, placement, questions, zh)
    if args.check_data or problems:
        for p in problems:
            print(f"lessons: {p}", file=sys.stderr)
        return 1 if problems else 0
    if args.topologies:
        write_topologies(args.build, args.out, dot=not args.no_svg)
        return 0
    if not args.results:
        raise DataError("--results results/<kernel>/results.json is needed (make check writes it)")
    if not os.path.exists(args.results):
        raise DataError(f"{args.results} is missing: run 'sudo make check' first "
                        "(or LESSONS_RESULTS=path/to/results.json)")
    with open(args.results, encoding="utf-8") as f:
        run_doc = json.load(f)
    res = {r["id"]: r for r in run_doc["rules"]}
    run = {"kernel": run_doc["machine"]["kernel_release"], "date": run_doc["run"]["date"][:10]}
    tr = {r[0]: r for r in zh}
    write_topologies(args.build, args.out)
    for c in chapters:
        _, transcript = first_transcript(res, c["seq"])
        write(os.path.join(args.out, "diagrams", f"seq-{c['slug']}.svg"),
              sequence_svg(c["seq"], transcript))
    for lang in LANGS:
        d = lang_dir(args.out, lang)
        for i, c in enumerate(chapters):
            write(os.path.join(d, c["file"]),
                  chapter_page(c, chapters, i, metas, res, placement, lang, tr, run))
        page, answered = index_page(chapters, questions, metas, res, placement, lang, run)
        write(os.path.join(d, "README.md"), page)
    print(f"lessons: {len(chapters)} chapters x {len(LANGS)} languages, {len(metas)} rules, "
          f"questions answered {answered}/{len(questions)} -> {os.path.relpath(args.out)}")
    return 0
