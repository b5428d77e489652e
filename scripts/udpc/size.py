# SPDX-License-Identifier: GPL-2.0-only
"""size-check: no file of the harness library over FILE_MAX lines, no C
function there over FUNC_MAX lines.

A function is counted by its braces: the lines strictly between the `{`
that opens its body and the `}` that closes it, blank lines and comments
included (the signature and the two brace lines are not).  The parser is a
brace counter, not a C parser: it drops comments, string and character
literals, then takes a `{` at file level as a function body when the text
before it (since the last `;`, `}` or preprocessor line) ends with `)`;
`= {` initialisers and `struct x {` definitions end otherwise.  A macro
that expands to a function definition is not seen.
"""
import os
import re
import sys

FILE_MAX = 400
FUNC_MAX = 50
FOLDERS = ("harness", "netns")

_TOKEN = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
_NAME = re.compile(r"([A-Za-z_]\w*)\s*\(")


def _blank(m):
    """The match with everything but its newlines removed, so that line
    numbers stay and no brace inside a comment or literal counts."""
    return re.sub(r"[^\n]", " ", m.group(0))


def functions(text):
    """(name, line of the opening brace, lines of the body) of every
    function defined in C source text."""
    code = _TOKEN.sub(_blank, text)
    code = re.sub(r"^[ \t]*#[^\n]*(?:\\\n[^\n]*)*", lambda m: ";" + _blank(m)[1:], code, flags=re.M)
    found, depth, start, head = [], 0, 0, []
    line = 1
    for ch in code:
        if ch == "\n":
            line += 1
        if depth == 0:
            if ch == "{":
                before = "".join(head).strip()
                name = _NAME.search(re.sub(r"__attribute__\s*\(\(.*?\)\)", "", before))
                is_func = before.endswith(")") and name is not None
                start = line if is_func else 0
                func_name = name.group(1) if is_func else None
                head = []
                depth = 1
            elif ch in ";}":
                head = []
            else:
                head.append(ch)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and start:
                found.append((func_name, start, line - start - 1))
                start = 0
    return found


def check(paths):
    """One line per file or function over its limit."""
    problems = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        n = text.count("\n")
        if n > FILE_MAX:
            problems.append(f"{path}: {n} lines (limit {FILE_MAX}): split it by object")
        if path.endswith(".c"):
            for name, line, body in functions(text):
                if body > FUNC_MAX:
                    problems.append(f"{path}:{line}: {name}() is {body} lines (limit {FUNC_MAX}): "
                                    "split it into named steps")
    return problems


def tree_files(root):
    out = []
    for folder in FOLDERS:
        d = os.path.join(root, folder)
        for name in sorted(os.listdir(d)):
            if name.endswith((".c", ".h")):
                out.append(os.path.join(folder, name))
    return out


def main(argv, root):
    """size-check [FILE...]: the files given, or every .c and .h in
    harness/ and netns/ under root.  Exit 1 when one is over a limit."""
    paths = argv or [os.path.normpath(os.path.join(root, p)) for p in tree_files(root)]
    problems = check(paths)
    for p in problems:
        print(f"size: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"size: {len(paths)} files within {FILE_MAX} lines, every function within {FUNC_MAX}")
    return 0
