# SPDX-License-Identifier: GPL-2.0-only
"""make bench's document and its suite section.

bench document RESULTS_DIR WORK_DIR [--quick] [--emulated]
    bench.json (docs/schema/bench.schema.json) from what the bench programs
    printed into WORK_DIR (send.json, lookup.json, setup.json) and, if
    there, WORK_DIR/suite.json.
bench suite WORK_DIR [--runs N]
    The suite's speed, the four ways side by side in one run, each timed as
    a whole process tree (wall, and CPU from wait4's rusage): the bats floor
    (as many trivial @tests as the suite has, run the way the suite runs
    bats), each probe alone one after the other (the probes' own CPU), the
    direct runner, and scripts/check (what make check runs).
"""

import datetime
import json
import os
import statistics
import subprocess
import sys
import time

from . import output
from . import results as ur

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PROGRAMS = ("send", "lookup", "setup")


def timed(argv, env=None, cwd=ROOT):
    """(wall s, cpu s, exit status) of one command and all it waited for."""
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=null, stderr=null)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime, proc.returncode


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def rules_index(build):
    rows = [line.split("\t") for line in ur.file_read_text(os.path.join(build, "rules.tsv")).splitlines()]
    return [(row[0], os.path.join(build, row[1])) for row in rows if row and row[0]]


def floor_dir(work, count):
    """A bats file of `count` trivial @tests, run the way scripts/suite runs
    bats (one file, one bats process, TAP): what bats costs by itself."""
    folder = os.path.join(work, "floor")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "floor.bats"), "w", encoding="utf-8") as f:
        f.write("".join(f"@test 'trivial {i}' {{\n\t:\n}}\n" for i in range(count)))
    return ["bats", "--formatter", "tap", folder]


def system_busy_s():
    """CPU seconds the whole machine has spent busy (/proc/stat): with a
    probe's own, the kernel threads' work its namespaces cause (teardown,
    link events, RCU callbacks), which no rusage counts."""
    with open("/proc/stat", encoding="ascii") as f:
        fields = [int(v) for v in f.readline().split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def probes_alone(index, work, system):
    """Each probe by itself, one after the other: their summed CPU and wall;
    what the machine spent meanwhile is appended to `system`."""
    wall = cpu = 0.0
    busy = system_busy_s()
    for rule_id, probe in index:
        w, c, _ = timed([probe, "--json", os.path.join(work, "alone.jsonl")])
        wall, cpu = wall + w, cpu + c
    system.append(round(system_busy_s() - busy, 3))
    return wall, cpu


def suite_section(work, runs):
    build = os.environ.get("BUILD", "build")
    index = rules_index(os.path.join(ROOT, build))
    cpus = os.cpu_count() or 1
    jobs = int(os.environ.get("UDPC_JOBS", 2 * cpus))
    env = dict(os.environ, RULES="", FAMILIES="", STRICT="0")
    system = []
    ways = {
        "bats_floor": lambda: timed(floor_dir(work, len(index)), env),
        "probes_alone": lambda: probes_alone(index, work, system) + (0,),
        "direct": lambda: timed(["scripts/check"], dict(env, RESULTS=os.path.join(work, "direct"),
                                                        UDPC_RUNNER="direct",
                                                        UDPC_REPORT=os.path.join(work, "R-direct.md"))),
        "check": lambda: timed(["scripts/check"], dict(env, RESULTS=os.path.join(work, "check"),
                                                       UDPC_REPORT=os.path.join(work, "R-check.md"))),
    }
    figures = {way: {"wall_s": [], "cpu_s": [], "exit": []} for way in ways}
    for n in range(runs):
        for way, run in ways.items():
            print(f"bench: suite, run {n + 1} of {runs}: {way} ...", file=sys.stderr)
            wall, cpu, status = run()
            figures[way]["wall_s"].append(round(wall, 3))
            figures[way]["cpu_s"].append(round(cpu, 3))
            figures[way]["exit"].append(status)
    out = {"runs": runs, "cpus": cpus, "jobs": jobs, "tests": len(index)}
    for way, f in figures.items():
        out[way] = f | {"wall": stats(f["wall_s"]), "cpu": stats(f["cpu_s"])}
    out["probes_alone_system_cpu"] = stats(system)
    floor_wall = out["probes_alone"]["cpu"]["median"] / cpus
    out["bounds"] = {
        "suite_wall_over_probe_cpu_per_core": round(out["check"]["wall"]["median"] / floor_wall, 3),
        "check_wall_over_direct_wall": round(out["check"]["wall"]["median"]
                                             / out["direct"]["wall"]["median"], 3),
    }
    # What no runner can go below: the direct runner against the same
    # probes' CPU, and the machine's own CPU while they ran one by one (the
    # kernel threads' share included); bats' floor against the direct runner.
    out["floors"] = {
        "direct_wall_over_probe_cpu_per_core": round(out["direct"]["wall"]["median"] / floor_wall, 3),
        "probes_alone_system_cpu_over_probe_cpu": round(out["probes_alone_system_cpu"]["median"]
                                                        / out["probes_alone"]["cpu"]["median"], 3),
        "bats_floor_wall_over_direct_wall": round(out["bats_floor"]["wall"]["median"]
                                                  / out["direct"]["wall"]["median"], 3),
    }
    return out


def document(results_dir, work, quick, emulated):
    u = os.uname()
    doc = {"schema": "udpconform-bench/2",
           "tool": ur.file_read_text(os.path.join(ROOT, "VERSION")).strip(),
           "kernel": {"release": u.release, "version": u.version, "arch": u.machine},
           "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "cpus": os.cpu_count() or 1, "quick": quick, "emulated": emulated,
           "note": ("figures taken under emulation are comparable only as ratios within that kernel"
                    if emulated else
                    "figures taken on a shared machine are noisy: compare ratios measured within one run")}
    for prog in PROGRAMS + ("suite",):
        path = os.path.join(work, f"{prog}.json")
        text = ur.file_read_text(path) if os.path.exists(path) and os.path.getsize(path) else ""
        doc[prog] = ur.json_parse(path, text) if text else None
    return doc


def main(argv):
    if len(argv) >= 3 and argv[0] == "document":
        doc = document(argv[1], argv[2], "--quick" in argv, "--emulated" in argv)
        ur.json_checked("bench", os.path.join(argv[1], "bench.json"), doc)
        output.file_write(os.path.join(argv[1], "bench.json"), json.dumps(doc) + "\n")
        return 0
    if len(argv) >= 2 and argv[0] == "suite":
        runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
        section = suite_section(argv[1], runs)
        output.file_write(os.path.join(argv[1], "suite.json"), json.dumps(section) + "\n")
        print(json.dumps(section["bounds"]), file=sys.stderr)
        return 0
    print("usage: bench document RESULTS_DIR WORK_DIR [--quick] [--emulated] | bench suite WORK_DIR [--runs N]",
          file=sys.stderr)
    return 64
