# SPDX-License-Identifier: GPL-2.0-only
"""The Performance section of REPORT.md, from RESULTS_DIR/bench.json.

    from udpc import perf
    text = perf.perf_section("results/6.18.0")   # "" without bench.json

perf_section() also draws RESULTS_DIR/ratio.svg (the connected/unconnected
ratio and its spread, drawn here: no tool needed) and RESULTS_DIR/lookup.svg
with gnuplot (Debian's gnuplot-nox), when gnuplot is there, and links them
from the section; its prose is docs/cost.md's (cost_text()).  Run as
a script, it prints the section: `scripts/perf RESULTS_DIR`.
The document's shape: docs/bench-schema.md.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

SCHEMA = "udpconform-bench/2"
SAVING = "What connecting saves of an unconnected sendto's sending CPU, measured here: "
# The lesson's one text (docs/cost.md), in the checkout and the installed tree.
COST_MD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "cost.md")
BASE_SEND = "unconnected sendto"
BASE_MMSG = "unconnected sendmmsg"
SETUP_TARGET_MS = 5.0


def bench_load(results_dir):
    """The bench document, or None if there is none or it is unusable."""
    path = os.path.join(results_dir, "bench.json")
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        return None
    return doc


def records_of(doc, bench, kind):
    part = doc.get(bench)
    if not isinstance(part, dict):
        return []
    return [r for r in part.get("records", []) if isinstance(r, dict) and r.get("kind") == kind]


def ns(value):
    return f"{value:,.0f}"


def pct(value):
    return f"{100 * value:.0f} %"


def family_label(family):
    return {"ipv4": "IPv4", "ipv6": "IPv6"}.get(family, family)


def setting_key(r):
    return (r.get("topology"), r.get("family"), r.get("payload"))


def ratio_of(ratios, summary):
    """The base/this ratio record of a summary's setting, or None."""
    for r in ratios:
        if setting_key(r) == setting_key(summary) and r.get("how") == summary.get("how") \
                and r.get("sockets") == summary.get("sockets") and r.get("reuseport") == summary.get("reuseport"):
            return r
    return None


def lookup_growth(ratios, s):
    """What N sockets cost against 1, as text: the ratio record is base/this,
    so its inverse; "1" for the one-socket row itself."""
    r = ratio_of(ratios, s)
    return f"{1 / r['cpu']['median']:.2f}" if r and r["cpu"]["median"] else "1"


def cost_cells(s):
    """datagrams/s | ns/datagram wall | ns/datagram CPU | CPU q1–q3, of a summary."""
    cpu = s["send_cpu_ns"]
    return (f"{ns(s['datagrams_per_s']['median'])} | {ns(s['send_wall_ns']['median'])} "
            f"| {ns(cpu['median'])} | {ns(cpu['q1'])}–{ns(cpu['q3'])}")


def losses(summaries):
    sent = sum(s.get("sent", 0) for s in summaries)
    lost = sum(s.get("lost", 0) + s.get("drops", 0) for s in summaries)
    return f"Datagrams dropped or lost: {lost} of {sent:,} sent."


def send_table(doc, scenario):
    """Markdown table of one send scenario, and its summaries."""
    summaries = [s for s in records_of(doc, "send", "summary") if s.get("scenario") == scenario]
    ratios = [r for r in records_of(doc, "send", "ratio") if r.get("scenario") == scenario]
    base = BASE_SEND if scenario == "send" else BASE_MMSG
    lines = [
        f"| topology | family | payload | how | datagrams/s | ns/datagram wall | ns/datagram CPU "
        f"| CPU q1–q3 | CPU incl. receive | {base} / this |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summaries:
        r = ratio_of(ratios, s)
        ratio = f"{r['cpu']['median']:.2f} ({r['cpu']['min']:.2f}–{r['cpu']['max']:.2f})" if r else "1"
        lines.append(f"| {s['topology']} | {family_label(s['family'])} | {s['payload']} B | {s['how']} "
                     f"| {cost_cells(s)} | {ns(s['cpu_ns']['median'])} | {ratio} |")
    return "\n".join(lines), summaries


def saving_line(doc):
    """The share of an unconnected sendto's cost that connecting once saves."""
    parts = []
    for r in records_of(doc, "send", "ratio"):
        if r.get("scenario") == "send" and r.get("how") == "connected send":
            parts.append(f"{r['topology']}/{family_label(r['family'])}/{r['payload']} B "
                         f"{pct(r['saved_share']['median'])}")
    return SAVING + (", ".join(parts) if parts else "no figure (the send benchmark did not run)")


def cost_text(path=COST_MD):
    """docs/cost.md between its cost:begin and cost:end markers, as lines;
    [] if the file is not there (a tree without docs)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    begin, end = text.find("<!-- cost:begin -->"), text.find("<!-- cost:end -->")
    if begin < 0 or end < begin:
        return []
    return text[begin + len("<!-- cost:begin -->"):end].strip("\n").split("\n")


def ratio_rows(doc, scenario="send"):
    """[(label, how, median, min, max)] of the scenario's ratio records."""
    rows = []
    for r in records_of(doc, "send", "ratio"):
        if r.get("scenario") == scenario:
            label = f"{r['topology']} {family_label(r['family'])} {r['payload']} B"
            rows.append((label, r["how"], r["cpu"]["median"], r["cpu"]["min"], r["cpu"]["max"]))
    return rows


def ratio_table(doc, scenario="send"):
    """| setting | one column per way |: each way's ratio to the base, with its spread."""
    rows = ratio_rows(doc, scenario)
    hows = list(dict.fromkeys(how for _, how, *_ in rows))
    labels = list(dict.fromkeys(label for label, *_ in rows))
    base = BASE_SEND if scenario == "send" else BASE_MMSG
    lines = [f"| {base} / … | " + " | ".join(hows) + " |", "|---|" + "---:|" * len(hows)]
    for label in labels:
        cells = []
        for how in hows:
            found = [r for r in rows if r[0] == label and r[1] == how]
            cells.append(f"×{found[0][2]:.2f} ({found[0][3]:.2f}–{found[0][4]:.2f})" if found else "-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratio_svg(rows):
    """An SVG bar chart of rows (label, how, median, min, max): one bar per
    setting and way, the median, with a whisker from min to max; a line at
    ×1 (no saving)."""
    hows = list(dict.fromkeys(how for _, how, *_ in rows))
    labels = list(dict.fromkeys(label for label, *_ in rows))
    colours = ["#4477aa", "#ee6677", "#228833", "#ccbb44"]
    top = max([1.0] + [r[4] for r in rows]) * 1.1
    bar, gap, left, height, base_y = 22, 18, 60, 300, 330
    width = max(left + len(labels) * (len(hows) * bar + gap) + 120, 720)

    def y(v):
        return base_y - height * v / top

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{base_y + 130}" '
           'font-family="sans-serif" font-size="11">',
           f'<text x="{left}" y="16" font-size="13">Sending CPU per datagram: unconnected sendto / '
           'each way (median, whisker min–max)</text>']
    for tick in range(0, int(top * 4) + 1):
        v = tick / 4
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                   f'stroke="{"#000" if v == 1 else "#ddd"}"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">×{v:.2f}</text>')
    for i, label in enumerate(labels):
        x0 = left + gap / 2 + i * (len(hows) * bar + gap)
        for j, how in enumerate(hows):
            found = [r for r in rows if r[0] == label and r[1] == how]
            if not found:
                continue
            _, _, med, lo, hi = found[0]
            x = x0 + j * bar
            out.append(f'<rect x="{x:.1f}" y="{y(med):.1f}" width="{bar - 3}" '
                       f'height="{base_y - y(med):.1f}" fill="{colours[j % len(colours)]}"/>')
            mid = x + (bar - 3) / 2
            out.append(f'<line x1="{mid:.1f}" x2="{mid:.1f}" y1="{y(lo):.1f}" y2="{y(hi):.1f}" '
                       'stroke="#000"/>')
        cx = x0 + len(hows) * bar / 2
        out.append(f'<text transform="translate({cx:.1f},{base_y + 8}) rotate(40)">{label}</text>')
    for j, how in enumerate(hows):
        lx = left + j * 170
        out.append(f'<rect x="{lx}" y="{base_y + 110}" width="10" height="10" '
                   f'fill="{colours[j % len(colours)]}"/>')
        out.append(f'<text x="{lx + 14}" y="{base_y + 119}">{how}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def ratio_chart(doc, results_dir):
    """Writes RESULTS_DIR/ratio.svg; returns its path, or None without figures."""
    rows = ratio_rows(doc)
    if not rows:
        return None
    path = os.path.join(results_dir, "ratio.svg")
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(ratio_svg(rows))
    except OSError:
        return None
    return path


# Why the lookup's cost may grow with N, or not, by kernel version.
LOOKUP_WHY = ("Why it may differ between kernels: up to v6.12 a datagram for a connected socket is "
              "found by scoring every socket hashed on the local address and port "
              "(udp4_lib_lookup2(), compute_score(); udp6 likewise), so its cost grows with N. Since "
              "v6.13 (\"udp: Add 4-tuple hash for connected sockets\", udp_lib_hash4(), "
              "udp4_lib_lookup4()) a connected socket is found through a hash of the 4-tuple "
              "first, and the cost stays flat.")


def lookup_table(doc):
    summaries = records_of(doc, "lookup", "summary")
    ratios = records_of(doc, "lookup", "ratio")
    lines = [
        "| family | sockets on the port | SO_REUSEPORT | datagrams/s | ns/datagram wall "
        "| ns/datagram CPU | CPU q1–q3 | this / 1 socket |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for s in summaries:
        ratio = lookup_growth(ratios, s)
        lines.append(f"| {family_label(s['family'])} | {s['sockets']} | {'yes' if s['reuseport'] else 'no'} "
                     f"| {cost_cells(s)} | {ratio} |")
    return "\n".join(lines), summaries


def lookup_plot(doc, results_dir):
    """Draws RESULTS_DIR/lookup.svg; returns its path, or None without gnuplot or data."""
    summaries = records_of(doc, "lookup", "summary")
    gnuplot = shutil.which("gnuplot")
    if not summaries or not gnuplot:
        return None
    series = {}
    for s in summaries:
        label = f"{family_label(s['family'])}, {'SO_REUSEPORT' if s['reuseport'] else 'SO_REUSEADDR'}"
        c = s["send_cpu_ns"]
        series.setdefault(label, []).append((s["sockets"], c["median"], c["q1"], c["q3"]))
    out = os.path.join(results_dir, "lookup.svg")
    with tempfile.TemporaryDirectory() as tmp:
        plots = []
        for i, (label, points) in enumerate(sorted(series.items())):
            data = os.path.join(tmp, f"{i}.dat")
            with open(data, "w", encoding="utf-8") as f:
                for p in sorted(points):
                    f.write("%d %f %f %f\n" % p)
            plots.append(f"'{data}' using 1:2:3:4 with yerrorlines title '{label}'")
        script = "\n".join([
            "set terminal svg size 720,420 dynamic noenhanced font 'sans,11'",
            f"set output '{out}'",
            "set title 'Delivery to one connected socket among N on the same port'",
            "set xlabel 'connected sockets on the port (N)'",
            "set ylabel 'CPU ns per datagram (send + receive lookup)'",
            "set logscale x 10",
            "set xrange [0.7:1500]",
            "set yrange [0:*]",
            "set key bottom right",
            "set grid",
            "plot " + ", ".join(plots),
        ])
        run = subprocess.run([gnuplot], input=script, text=True, capture_output=True, check=False)
    return out if run.returncode == 0 and os.path.exists(out) else None


def setup_table(doc):
    lines = [
        "| topology | build (ms) | wait for links (ms) | ready (ms) | fork to reap (ms) | "
        f"under {SETUP_TARGET_MS:g} ms |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for s in records_of(doc, "setup", "setup"):
        ready = s["ready_ms"]["median"]
        lines.append(
            f"| {s['topology']} | {s['build_ms']['median']:.2f} | {s['wait_ms']['median']:.2f} "
            f"| {ready:.2f} ({s['ready_ms']['min']:.2f}–{s['ready_ms']['max']:.2f}) "
            f"| {s['total_ms']['median']:.2f} | {'yes' if ready < SETUP_TARGET_MS else 'no'} |")
    return "\n".join(lines)


SUITE_WAYS = (("bats_floor", "bats alone: as many trivial @tests"),
              ("probes_alone", "each probe alone, one after the other"),
              ("direct", "the direct runner (scripts/check, UDPC_RUNNER=direct)"),
              ("check", "make check's suite (scripts/check, bats)"))


def suite_line(doc):
    """The suite's speed, four ways, and the two bounds Harness II sets."""
    suite = doc.get("suite")
    if not isinstance(suite, dict):
        return "The whole suite was not timed in this run (BENCH_SUITE=0)."
    lines = [f"The whole suite, {suite['tests']} rules, {suite['runs']} runs of each way, "
             f"{suite['jobs']} probes at a time on {suite['cpus']} CPUs (medians, min–max):", "",
             "| way | wall s | CPU s |", "|---|---:|---:|"]
    for way, label in SUITE_WAYS:
        w, c = suite[way]["wall"], suite[way]["cpu"]
        lines.append(f"| {label} | {w['median']:.2f} ({w['min']:.2f}–{w['max']:.2f}) "
                     f"| {c['median']:.2f} ({c['min']:.2f}–{c['max']:.2f}) |")
    b = suite["bounds"]
    lines += ["", f"- suite wall / (probes' CPU / CPUs) = **{b['suite_wall_over_probe_cpu_per_core']:.2f}** "
                  "(bound 1.5)",
              f"- make check's wall / the direct runner's = **{b['check_wall_over_direct_wall']:.2f}** "
              "(bound 1.25)"]
    f = suite["floors"]
    lines += [f"- what no runner goes below: the direct runner / (probes' CPU / CPUs) = "
              f"{f['direct_wall_over_probe_cpu_per_core']:.2f}; while the probes ran one by one the "
              f"machine was busy {f['probes_alone_system_cpu_over_probe_cpu']:.2f} times their own CPU "
              "(kernel threads tearing their namespaces down); bats' floor for as many trivial @tests "
              f"is {f['bats_floor_wall_over_direct_wall']:.2f} times the direct runner's wall"]
    failing = sum(1 for way, _ in SUITE_WAYS for c in suite[way]["exit"] if c not in (0, 1))
    if failing:
        lines.append(f"- {failing} runs could not complete; their times still count.")
    return "\n".join(lines)


def lookup_brief(doc):
    """The lookup figures REPORT.md shows: CPU per datagram and its growth with N."""
    summaries = records_of(doc, "lookup", "summary")
    ratios = records_of(doc, "lookup", "ratio")
    lines = ["| family | sockets on the port | SO_REUSEPORT | ns/datagram CPU | this / 1 socket |",
             "|---|---:|---|---:|---:|"]
    for s in summaries:
        ratio = lookup_growth(ratios, s)
        lines.append(f"| {family_label(s['family'])} | {s['sockets']} | {'yes' if s['reuseport'] else 'no'} "
                     f"| {ns(s['send_cpu_ns']['median'])} | {ratio} |")
    return "\n".join(lines), summaries


def perf_section(results_dir, report_dir=None):
    """The markdown Performance section of REPORT.md, or "" if RESULTS_DIR has
    no bench.json: the lesson (docs/cost.md), the ratio chart and the ratios;
    every figure in full is perf_detail()'s.

    report_dir: where REPORT.md is written, for the links to the plots
    (default: the current directory, as scripts/report runs)."""
    doc = bench_load(results_dir)
    if doc is None:
        return ""
    here = report_dir or os.getcwd()
    kernel = doc.get("kernel", {})
    out = ["## Performance", ""]
    out.append(f"`make bench` on {kernel.get('release', '?')} ({kernel.get('arch', '?')}, "
               f"{doc.get('cpus', '?')} CPUs), {doc.get('date', '?')}"
               f"{', quick run (BENCH_QUICK=1)' if doc.get('quick') else ''}. "
               f"Note: {doc.get('note', '')}.")
    out += [""] + cost_text() + [""]
    svg = ratio_chart(doc, results_dir)
    if svg:
        out += [f"![unconnected sendto / each way, per datagram]({os.path.relpath(svg, here)})", ""]
    out += ["Ratios of the sending CPU per datagram, median over alternating rounds (min–max); "
            "above ×1 the way is cheaper than an unconnected sendto:", "", ratio_table(doc), "",
            saving_line(doc), ""]
    table, summaries = lookup_brief(doc)
    out += ["### Delivery to one connected socket among N on the same port", "", table, "",
            LOOKUP_WHY, ""]
    svg = lookup_plot(doc, results_dir)
    if svg:
        out += [f"![CPU per datagram against N]({os.path.relpath(svg, here)})", ""]
    elif summaries:
        out += ["(No plot: gnuplot is not installed; `apt-get install gnuplot-nox`.)", ""]
    return "\n".join(out)


def perf_detail(results_dir):
    """Every figure of bench.json as tables (the reference page), or ""."""
    doc = bench_load(results_dir)
    if doc is None:
        return ""
    out = ["## Benchmark figures in full", "",
           "Every figure is a median over trials measured in alternation (the ways compared "
           "take turns, round after round), with its spread; ratios are taken round by round. "
           "*ns/datagram* is the time inside the send calls, which on loopback and veth includes "
           "the delivery into the receiver's queue (the softirq runs in the sending task); "
           "*CPU* is the process's own CPU time; *CPU incl. receive* adds draining the receiver "
           "(getrusage).", ""]
    table, summaries = send_table(doc, "send")
    out += ["### Sending: unconnected sendto, connected send, connected sendto", "", table, "",
            losses(summaries), ""]
    table, summaries = send_table(doc, "sendmmsg")
    out += ["### sendmmsg batches", "", table, "", losses(summaries), ""]
    table, summaries = lookup_table(doc)
    out += ["### Delivery to one connected socket among N", "", table, "", losses(summaries), ""]
    out += ["### The suite's own speed", "", suite_line(doc), "",
            "Namespace setup of one rule × family, by topology (median of repeated builds; "
            "ready = build + wait for links):", "", setup_table(doc), ""]
    return "\n".join(out)


def perf_across_kernels(results_dirs):
    """Markdown: per other kernel with a bench.json (make matrix BENCH=1), its
    §8.11.2 figure and its lookup costs; "" if none has one.  Figures taken
    under emulation compare only as ratios within their kernel."""
    out = []
    for results_dir in results_dirs:
        doc = bench_load(results_dir)
        if doc is None:
            continue
        kernel = doc.get("kernel", {}).get("release", os.path.basename(results_dir.rstrip("/")))
        emulated = " — under emulation: compare only as ratios within this kernel" \
            if doc.get("emulated") else ""
        table, _ = lookup_table(doc)
        out += [f"### {kernel}{emulated}", "", saving_line(doc), "", table, ""]
    if not out:
        return ""
    return "\n".join(["## Performance on the other kernels", "", LOOKUP_WHY, ""] + out)


def main(argv):
    if len(argv) != 1:
        print("usage: perf RESULTS_DIR", file=sys.stderr)
        return 64
    text = perf_section(argv[0])
    if text:
        text += "\n" + perf_detail(argv[0])
    if not text:
        print(f"perf: no usable bench.json in {argv[0]}: run make bench", file=sys.stderr)
        return 2
    print(text)
    return 0
