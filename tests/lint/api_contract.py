#!/usr/bin/env python3
"""api_contract.py — the public API's list, taken from the header, held
against its tests, its manual and the built library.

    api_contract.py HEADER TEST_API_C MAN3 [LIBRARY.so]

Takes every function include/ahconv.h marks AH_EXPORT (a declaration whose
line starts with AH_EXPORT) and fails, naming each, when a function
  - has no misuse case in tests/unit/test_api.c: its name does not occur in the
    file's misuse section (from the "/* ---- misuse" heading to the next
    "/* ---- " heading), where every function is called with NULL arguments
    or bad options;
  - has no prototype in ahconv(3) (a .BI/.B line holding "name("), or the
    manual gives a prototype of a function the header does not export;
  - (with LIBRARY.so) is not in the shared library's dynamic symbol table, or
    the library exports anything else: a defined dynamic symbol without the
    ah_ prefix, or an ah_ function the header does not declare (nm -D).
Prints "api_contract: ok (N functions)" and exits 0, else 1 with one line
per problem on stderr; 2 on usage.
"""
import re
import subprocess
import sys

EXPORT = re.compile(r"^AH_EXPORT\s+([^;]*?)\s*;", re.S | re.M)


def exported_functions(header_text):
    """The names of the functions the header exports, in header order."""
    names = []
    for m in EXPORT.finditer(header_text):
        name = re.search(r"(\w+)\s*\(", m.group(1))
        if name:
            names.append(name.group(1))
    return names


def misuse_section(test_text):
    start = test_text.find("/* ---- misuse")
    if start < 0:
        return ""
    end = test_text.find("/* ---- ", start + 1)
    return test_text[start:end if end > 0 else len(test_text)]


def man_prototypes(man_text):
    """Function names with a prototype in a roff page: a .BI/.B line whose
    first quoted or bare word run ends in NAME( ."""
    found = set()
    for line in man_text.splitlines():
        if line.startswith((".BI ", ".B ")):
            m = re.search(r"\b(ah_\w+)\(", line)
            if m:
                found.add(m.group(1))
    return found


def library_symbols(path):
    out = subprocess.run(["nm", "-D", "--defined-only", path], check=True, capture_output=True, text=True).stdout
    symbols = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            symbols[parts[2].split("@")[0]] = parts[1]
    return symbols


def main(argv):
    if len(argv) not in (4, 5):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    header, test_api, man3 = (open(p, encoding="utf-8").read() for p in argv[1:4])
    names = exported_functions(header)
    problems = []
    if len(names) < 10:
        problems.append("found only %d AH_EXPORT functions in %s" % (len(names), argv[1]))
    misuse = misuse_section(test_api)
    if not misuse:
        problems.append("%s has no '/* ---- misuse' section" % argv[2])
    for name in names:
        if not re.search(r"\b%s\b" % re.escape(name), misuse):
            problems.append("%s: no misuse case in the misuse section of %s" % (name, argv[2]))
    protos = man_prototypes(man3)
    for name in names:
        if name not in protos:
            problems.append("%s: no prototype in %s" % (name, argv[3]))
    for name in sorted(protos - set(names)):
        problems.append("%s: %s gives a prototype, the header exports no such function" % (name, argv[3]))
    if len(argv) == 5:
        symbols = library_symbols(argv[4])
        for sym in sorted(symbols):
            if not sym.startswith("ah_"):
                problems.append("%s exports %s, which has no ah_ prefix" % (argv[4], sym))
            elif symbols[sym] in "TtWi" and sym not in names:
                problems.append("%s exports %s, which the header does not declare" % (argv[4], sym))
        for name in names:
            if name not in symbols:
                problems.append("%s: declared AH_EXPORT but not exported by %s" % (name, argv[4]))
    for p in problems:
        print("api_contract: " + p, file=sys.stderr)
    if problems:
        return 1
    print("api_contract: ok (%d functions)" % len(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
