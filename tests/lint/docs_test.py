#!/usr/bin/env python3
"""docs_test.py — the documents tell the truth about the program and the API.

    docs_test.py AHCONV SOURCE_DIR

Fails, naming each problem, when
  - an option of `ahconv --help` (or of a command's own help, `ahconv CMD
    --help`, whatever it prints on either stream) is missing from README.md's
    "Command line" section or from man/ahconv.1;
  - README.md or man/ahconv.1 names an ahconv option --help does not know
    (README: every option in a code span or code block of the "Command line"
    section, and every option after "ahconv CMD" on any line; a code span
    that starts with another program's name, `pdftohtml -i`, is not ahconv's);
  - README.md's synopsis is not the block --help starts with, byte for byte;
  - a function include/ahconv.h exports has no prototype in man/ahconv.3;
  - include/ahconv.h points to a file the package does not install (a path
    to a document, schema or source in it must be PREFIX/share/ahconv/NAME,
    NAME one of the files the top-level CMakeLists.txt installs there);
  - README.md does not render with cmark (Debian package cmark), a code fence
    is never closed or opens without a language (so a fence out of place, which
    turns the rest of the file inside out, shows), or two headings have the
    same text.
Prints "docs: ok" and exits 0, else 1; 2 on usage.
"""
import html
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_contract import exported_functions, man_prototypes  # noqa: E402

COMMANDS = ("convert", "batch", "verify")
# an option: - or -- then a letter, not inside a word (re-typeset, X.html)
OPTION = re.compile(r"(?<![\w\-/.])(--?[A-Za-z][A-Za-z0-9-]*)")


def normal(opt):
    """-j4, -j1, -jN are -j with its value attached."""
    return "-j" if re.match(r"-j(\d+|N)$", opt) else opt


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def help_options(ahconv, problems):
    rc, out, err = run([ahconv, "--help"])
    if rc != 0 or not out.startswith("usage: "):
        problems.append("ahconv --help exited %d without a usage on stdout" % rc)
    texts = [out]
    for cmd in COMMANDS:
        _, o, e = run([ahconv, cmd, "--help"])
        texts += [o, e]
    options = set()
    for text in texts:
        # the error line before a usage ("unknown option --help") is not help
        text = "\n".join(l for l in text.splitlines() if not l.startswith("ahconv: "))
        options |= set(OPTION.findall(text))
    return out, options


def synopsis(help_text):
    return help_text.split("\n\n", 1)[0].rstrip("\n")


def section(markdown, title):
    m = re.search(r"^## %s\n(.*?)(?=^## |\Z)" % re.escape(title), markdown, re.S | re.M)
    return m.group(1) if m else ""


def readme_options(readme):
    """The ahconv options README names: those in code of the Command line
    section, and those after `ahconv CMD` anywhere."""
    found = {}
    cli = section(readme, "Command line")
    pieces = re.findall(r"```[^\n]*\n(.*?)```", cli, re.S)
    pieces += [s for s in re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", cli, flags=re.S))
               if not re.match(r"[a-z][\w.-]*\s", s) or s.startswith("ahconv ")]
    for piece in pieces:
        for opt in OPTION.findall(piece):
            found.setdefault(normal(opt), "the Command line section")
    for n, line in enumerate(readme.splitlines(), 1):
        for m in re.finditer(r"\bahconv (?:%s)\b([^`'\"|;)]*)" % "|".join(COMMANDS), line):
            for opt in OPTION.findall(m.group(1)):
                found.setdefault(normal(opt), "line %d" % n)
    return found


def man_options(man):
    text = re.sub(r"\\f[BIRP]", "", man).replace("\\-", "-")
    found = {}
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith(".\\\""):
            continue
        for opt in OPTION.findall(line):
            found.setdefault(normal(opt), "line %d" % n)
    return found


def check_header_paths(header, cmakelists, problems):
    installed = set()
    for block in re.findall(r"install\(FILES(.*?)DESTINATION\s+\$\{CMAKE_INSTALL_DATADIR\}/ahconv", cmakelists, re.S):
        installed |= {os.path.basename(f) for f in block.split()}
    # a file of the project's (a document, a schema, a source): not the
    # publisher's metadata/metadata.xml the header also describes
    for path in sorted(set(re.findall(r"[\w.-]*/[\w./-]*\.(?:md|rng|json|c|h|py|sh|supp)\b", header))):
        m = re.fullmatch(r"PREFIX/share/ahconv/([\w.-]+)", path)
        if not m or m.group(1) not in installed:
            problems.append("include/ahconv.h points to %s, which the package does not install" % path)


def check_fences(readme, problems):
    """CommonMark fences: an opening ``` or ~~~ (3 or more) is closed by a
    line of the same character, at least as long, with nothing after it.
    Every opening fence names its language (`text` for plain output), so a
    fence out of place shows: a bare fence that opens a block, or a fence
    with a language inside one, is a closing fence taken for an opening one
    (from there on, prose renders as code and code as prose)."""
    open_at = None
    for n, line in enumerate(readme.splitlines(), 1):
        m = re.match(r" {0,3}(`{3,}|~{3,})(.*)$", line)
        if not m:
            continue
        fence, rest = m.groups()
        if open_at is None:
            open_at, opener = n, fence
            if not rest.strip():
                problems.append("README.md: line %d: a code block opens without a language "
                                "(a closing fence out of place?)" % n)
        elif fence[0] == opener[0] and len(fence) >= len(opener) and not rest.strip():
            open_at = None
        else:
            problems.append("README.md: line %d: an opening fence inside the code block of line %d" % (n, open_at))
    if open_at is not None:
        problems.append("README.md: the code fence opened at line %d is never closed" % open_at)


def check_render(readme_path, problems):
    cmark = shutil.which("cmark")
    if not cmark:
        problems.append("cmark is not installed (Debian package cmark; tools/install-deps.sh installs it)")
        return
    rc, out, err = run([cmark, readme_path])
    if rc != 0:
        problems.append("cmark README.md exited %d: %s" % (rc, err.strip()))
        return
    seen = {}
    for level, inner in re.findall(r"<h([1-6])>(.*?)</h\1>", out, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        if text in seen:
            problems.append("README.md: heading %r twice (h%s and h%s)" % (text, seen[text], level))
        seen.setdefault(text, level)
    if not seen:
        problems.append("README.md: cmark finds no heading")


def main(argv):
    if len(argv) != 3:
        print("usage: docs_test.py AHCONV SOURCE_DIR", file=sys.stderr)
        return 2
    ahconv, src = argv[1], argv[2]
    paths = {k: os.path.join(src, p) for k, p in
             (("readme", "README.md"), ("man1", "man/ahconv.1"), ("man3", "man/ahconv.3"),
              ("header", "include/ahconv.h"))}
    text = {k: open(p, encoding="utf-8").read() for k, p in paths.items()}
    problems = []
    help_text, options = help_options(ahconv, problems)

    cli = section(text["readme"], "Command line")
    if synopsis(help_text) not in cli:
        problems.append("README.md: the Command line section does not hold --help's synopsis as printed")
    in_readme = readme_options(text["readme"])
    in_man = man_options(text["man1"])
    for opt in sorted(options):
        if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(opt), cli):
            problems.append("README.md: --help's option %s is not in the Command line section" % opt)
        if opt not in in_man:
            problems.append("man/ahconv.1: --help's option %s is missing" % opt)
    for opt, where in sorted(in_readme.items()):
        if opt not in options:
            problems.append("README.md (%s): option %s is not in ahconv --help" % (where, opt))
    for opt, where in sorted(in_man.items()):
        if opt not in options:
            problems.append("man/ahconv.1 (%s): option %s is not in ahconv --help" % (where, opt))

    protos = man_prototypes(text["man3"])
    for name in exported_functions(text["header"]):
        if name not in protos:
            problems.append("man/ahconv.3: no prototype of %s" % name)

    with open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8") as f:
        check_header_paths(text["header"], f.read(), problems)
    check_fences(text["readme"], problems)
    check_render(paths["readme"], problems)
    for p in problems:
        print("docs: " + p, file=sys.stderr)
    if problems:
        print("docs: %d problems" % len(problems), file=sys.stderr)
        return 1
    print("docs: ok (%d options, %d functions)" % (len(options), len(exported_functions(text["header"]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
