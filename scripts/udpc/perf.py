# SPDX-License-Identifier: GPL-2.0-only
"""The Performance section of REPORT.md, from RESULTS_DIR/bench.json.

    from udpc import perf
    text = perf.perf_section("results/6.18.0")   # "" without bench.json

perf_section() also draws RESULTS_DIR/lookup.svg with gnuplot (Debian's
gnuplot-nox), when gnuplot is there, and links it from the section.  Run as
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
STEVENS = "Stevens/Partridge-Pink: temporary connect ≈ 1/3 of per-datagram cost; measured here: "
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


def stevens_line(doc):
    """The share of an unconnected sendto's cost that connecting once saves."""
    parts = []
    for r in records_of(doc, "send", "ratio"):
        if r.get("scenario") == "send" and r.get("how") == "connected send":
            parts.append(f"{r['topology']}/{family_label(r['family'])}/{r['payload']} B "
                         f"{pct(r['saved_share']['median'])}")
    return STEVENS + (", ".join(parts) if parts else "no figure (the send benchmark did not run)")


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
        r = ratio_of(ratios, s)
        # The ratio record is base/this: its inverse is what N sockets cost more.
        ratio = f"{1 / r['cpu']['median']:.2f}" if r and r["cpu"]["median"] else "1"
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
    failing = sum(1 for way, _ in SUITE_WAYS for c in suite[way]["exit"] if c not in (0, 1))
    if failing:
        lines.append(f"- {failing} runs could not complete; their times still count.")
    return "\n".join(lines)


def perf_section(results_dir, report_dir=None):
    """The markdown Performance section, or "" if RESULTS_DIR has no bench.json.

    report_dir: where REPORT.md is written, for the link to lookup.svg
    (default: the current directory, as scripts/report runs)."""
    doc = bench_load(results_dir)
    if doc is None:
        return ""
    kernel = doc.get("kernel", {})
    out = ["## Performance", ""]
    out.append(f"`make bench` on {kernel.get('release', '?')} ({kernel.get('arch', '?')}, "
               f"{doc.get('cpus', '?')} CPUs), {doc.get('date', '?')}"
               f"{', quick run (BENCH_QUICK=1)' if doc.get('quick') else ''}. "
               f"Note: {doc.get('note', '')}.")
    out += ["", "Every figure is a median over trials measured in alternation (the ways compared "
            "take turns, round after round), with its spread; ratios are taken round by round. "
            "*ns/datagram* is the time inside the send calls, which on loopback and veth includes "
            "the delivery into the receiver's queue (the softirq runs in the sending task); "
            "*CPU* is the process's own CPU time; *CPU incl. receive* adds draining the receiver "
            "(getrusage).", ""]
    table, summaries = send_table(doc, "send")
    out += ["### Sending: unconnected sendto, connected send, connected sendto", "", table, "",
            stevens_line(doc), "", losses(summaries), ""]
    table, summaries = send_table(doc, "sendmmsg")
    out += ["### sendmmsg batches", "", table, "", losses(summaries), ""]
    table, summaries = lookup_table(doc)
    out += ["### Delivery to one connected socket among N on the same port", "", table, "",
            LOOKUP_WHY, ""]
    svg = lookup_plot(doc, results_dir)
    if svg:
        link = os.path.relpath(svg, report_dir or os.getcwd())
        out += [f"![CPU per datagram against N]({link})", ""]
    elif summaries:
        out += ["(No plot: gnuplot is not installed; `apt-get install gnuplot-nox`.)", ""]
    out += [losses(summaries), ""]
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
        out += [f"### {kernel}{emulated}", "", stevens_line(doc), "", table, ""]
    if not out:
        return ""
    return "\n".join(["## Performance on the other kernels", "", LOOKUP_WHY, ""] + out)


def main(argv):
    if len(argv) != 1:
        print("usage: perf RESULTS_DIR", file=sys.stderr)
        return 64
    text = perf_section(argv[0])
    if not text:
        print(f"perf: no usable bench.json in {argv[0]}: run make bench", file=sys.stderr)
        return 2
    print(text)
    return 0
