# SPDX-License-Identifier: GPL-2.0-only
"""udpconform's Python: read the probes' records, write every run document.

One module per object: schema (the JSON Schemas in docs/schema), results
(a results folder as one document), runinfo (run.json), ktap, junit,
report (REPORT.md), compare, perf (make bench's section).  Every entry point
in scripts/ is a few lines that call into here, run by Debian's
/usr/bin/python3.
"""
