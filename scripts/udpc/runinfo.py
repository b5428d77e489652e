# SPDX-License-Identifier: GPL-2.0-only
"""run.json: the machine and the settings of one run, its one writer.

runinfo DIR --command CMD --runner bats|direct|guest --wall SECONDS --ids FILE
        [--jobs N] [--interrupted SIGNAL] [--emulation NAME] [--facts FILE]
The selection comes from the environment the run was given (RULES,
FAMILIES, STRICT, already validated by scripts/check) and --ids, the file
of selected rule ids.  --facts (a make-matrix guest's kernel, distribution
and sysctls, as JSON) stands in for this machine's.
"""

import datetime
import json
import os
import platform
import sys

from . import output
from . import results as ur

VERSION_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "VERSION")
SYSCTLS = ("net.ipv4.ip_local_port_range", "net.ipv4.icmp_ratelimit", "net.ipv4.icmp_msgs_per_sec",
           "net.ipv4.icmp_msgs_burst", "net.ipv6.icmp.ratelimit", "net.ipv6.bindv6only",
           "net.core.devconf_inherit_init_net")
OPTIONS = ("--command", "--runner", "--wall", "--ids", "--jobs", "--interrupted", "--emulation",
           "--facts")


def local_facts():
    u = os.uname()
    sysctls = {}
    for key in SYSCTLS:
        try:
            with open("/proc/sys/" + key.replace(".", "/"), encoding="utf-8") as f:
                sysctls[key] = f.read().strip().replace("\t", " ")
        except OSError:
            pass
    return {"kernel": {"release": u.release, "version": u.version, "arch": platform.machine()},
            "distribution": distribution(), "sysctls": sysctls}


def distribution():
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "unknown"


def selection(ids_path):
    families = [f for f in os.environ.get("FAMILIES", "").replace(",", " ").split() if f]
    ids = [line.strip() for line in ur.file_read_text(ids_path).splitlines() if line.strip()]
    return {"rules": os.environ.get("RULES", ""), "families": families or list(ur.FAMILIES),
            "strict": os.environ.get("STRICT", "0") == "1", "ids": ids}


def args_parse(argv):
    if not argv or argv[0].startswith("--"):
        raise SystemExit("runinfo: usage: runinfo DIR --command CMD --runner R --wall S --ids FILE")
    opts, rest = {}, argv[1:]
    while rest:
        if rest[0] not in OPTIONS or len(rest) < 2:
            raise SystemExit(f"runinfo: unknown option or missing value: {rest[0]}")
        opts[rest[0][2:]] = rest[1]
        rest = rest[2:]
    for need in ("command", "runner", "wall", "ids"):
        if need not in opts:
            raise SystemExit(f"runinfo: --{need} is required")
    return argv[0], opts


def run_document(opts):
    facts = local_facts()
    if "facts" in opts:
        facts |= ur.json_parse(opts["facts"], ur.file_read_text(opts["facts"]))
    doc = {"schema": 2, "tool": ur.file_read_text(VERSION_FILE).strip(), **facts,
           "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "wall_s": float(opts["wall"]), "command": opts["command"], "runner": opts["runner"],
           "selection": selection(opts["ids"])}
    if "jobs" in opts:
        doc["jobs"] = int(opts["jobs"])
    if opts.get("interrupted"):
        doc["interrupted"] = {"signal": opts["interrupted"]}
    if opts.get("emulation"):
        doc["emulation"] = opts["emulation"]
    return doc


def main(argv):
    folder, opts = args_parse(argv)
    doc = ur.json_checked("run", os.path.join(folder, "run.json"), run_document(opts))
    output.file_write(os.path.join(folder, "run.json"), json.dumps(doc, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
