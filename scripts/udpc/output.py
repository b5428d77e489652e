# SPDX-License-Identifier: GPL-2.0-only
"""Writing a file whole or not at all, and what a failed write means."""

import errno
import os


class OutputError(Exception):
    """A file udpconform could not write (exit 73): where, and why."""

    def __init__(self, path, problem):
        super().__init__(f"{path}: {problem}")
        self.path = path


def temp_dir(path):
    """Where path's temporary file goes: TMPDIR (the run's, under build/)
    when it is on the same file system, so nothing is left beside path."""
    folder = os.path.dirname(os.path.abspath(path))
    tmpdir = os.environ.get("TMPDIR", "")
    try:
        if tmpdir and os.access(tmpdir, os.W_OK) and os.stat(tmpdir).st_dev == os.stat(folder).st_dev:
            return tmpdir
    except OSError:
        pass
    return folder


def file_write(path, text):
    """Write text to path through a temporary file, then rename."""
    tmp = os.path.join(temp_dir(path), f".{os.path.basename(path)}.tmp{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        hint = "; free some space" if e.errno in (errno.ENOSPC, errno.EDQUOT) else ""
        raise OutputError(path, f"cannot write: {e.strerror}{hint}") from None
