#!/usr/bin/env python3
"""Longest C functions and longest C files, with limits.

usage: function_lengths.py [--max-function N] [--max-file N] [--top N] PATH...

PATH is a C file or a folder (its .c and .h files, recursively).  Prints the
TOP longest functions and every file's line count, longest first, then any
function over --max-function lines (default 80) or file over --max-file lines
(default 600), and exits 1 when there is one.

A function is found by brace matching, not by parsing C: with comments,
string and character literals and preprocessor lines blanked out, a `{` at
file level whose preceding text (back to the previous `;` or `}` at file
level) has a parameter list and no `=` opens a function.  Its length runs
from the first line of that text (return type, name) to its closing brace.
Good enough for this code base's style; a macro that expands to a function
header would be missed.
"""
import argparse
import os
import re
import sys

SIGNATURE = re.compile(r"^[^=;{}]*\([^;{}]*\)[^;{}=]*$", re.S)
NAME = re.compile(r"([A-Za-z_]\w*)\s*\(")


def blank_out(text):
    """Comments, literals and preprocessor lines as spaces; newlines kept."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":
                j = j + 2 if text[j] == "\\" and j + 1 < n else j + 1
            blank(i, j)
            i = j
            continue
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if c in " \t":
            i += 1
            continue
        at_line_start = False
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i + 1, min(j, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def functions(text):
    """(name, first line, last line) of each function definition."""
    code = blank_out(text)
    found = []
    depth = 0
    top_start = 0  # where the current file-level declaration begins
    open_at = None
    for pos, c in enumerate(code):
        if c == "{":
            if depth == 0:
                head = code[top_start:pos].strip()
                open_at = None
                if SIGNATURE.match(head) and not re.match(r"(typedef|struct|union|enum)\b", head):
                    first = top_start + (len(code[top_start:pos]) - len(code[top_start:pos].lstrip()))
                    name = NAME.search(head)
                    open_at = (name.group(1) if name else "?", code.count("\n", 0, first) + 1)
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
            if depth == 0:
                if open_at:
                    found.append((open_at[0], open_at[1], code.count("\n", 0, pos) + 1))
                    open_at = None
                top_start = pos + 1
        elif c == ";" and depth == 0:
            top_start = pos + 1
    return found


def c_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith((".c", ".h")):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-function", type=int, default=80)
    ap.add_argument("--max-file", type=int, default=600)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    all_functions, file_lines = [], []
    for path in c_files(args.paths):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        file_lines.append((text.count("\n") + (0 if text.endswith("\n") or not text else 1), path))
        for name, first, last in functions(text):
            all_functions.append((last - first + 1, path, first, name))

    all_functions.sort(key=lambda f: (-f[0], f[1], f[2]))
    file_lines.sort(key=lambda f: (-f[0], f[1]))
    print(f"longest functions (of {len(all_functions)}):")
    for lines, path, first, name in all_functions[: args.top]:
        print(f"  {lines:5d}  {path}:{first}  {name}")
    print(f"files (of {len(file_lines)}):")
    for lines, path in file_lines:
        print(f"  {lines:5d}  {path}")

    too_long = [f for f in all_functions if f[0] > args.max_function]
    too_big = [f for f in file_lines if f[0] > args.max_file]
    for lines, path, first, name in too_long:
        print(f"function over {args.max_function} lines: {path}:{first} {name} ({lines})")
    for lines, path in too_big:
        print(f"file over {args.max_file} lines: {path} ({lines})")
    return 1 if too_long or too_big else 0


if __name__ == "__main__":
    sys.exit(main())
