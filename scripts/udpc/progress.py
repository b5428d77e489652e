# SPDX-License-Identifier: GPL-2.0-only
"""Where a long job is, on one line: scripts/lib/progress.bash for Python.

    p = Progress("mutate", 1300)
    p.step("udp.send.x ipv4 EAGAIN")  # "mutate: 37/1300 udp.send.x ipv4 EAGAIN"
    p.say("survivor: ...")            # a line that stays
    p.end()

On a terminal (stderr) the line is redrawn in place and cleared at the end;
elsewhere each step is a plain line.  UDPC_PROGRESS=tty, plain or off
overrides the choice.
"""

import os
import shutil
import sys


class Progress:
    def __init__(self, label, total, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        mode = os.environ.get("UDPC_PROGRESS", "")
        if mode not in ("tty", "plain", "off"):
            mode = "tty" if self.stream.isatty() else "plain"
        self.mode = mode
        self.last = ""

    def _draw(self):
        line = f"{self.label}: {self.done}/{self.total}{' ' + self.last if self.last else ''}"
        if self.mode == "tty":
            width = shutil.get_terminal_size((80, 24)).columns - 1
            self.stream.write("\r\033[K" + line[:width])
        elif self.mode == "plain":
            self.stream.write(line + "\n")
        self.stream.flush()

    def step(self, text=""):
        self.done += 1
        self.last = text
        self._draw()

    def say(self, line):
        if self.mode == "tty":
            self.stream.write("\r\033[K")
        self.stream.write(line + "\n")
        if self.mode == "tty" and self.done:
            self._draw()
        self.stream.flush()

    def end(self):
        if self.mode == "tty":
            self.stream.write("\r\033[K")
            self.stream.flush()
