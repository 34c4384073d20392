#!/usr/bin/env python3
"""Sorts the failures of a `KEEP=DIR tests/gen/generated_test.sh …` run into the
known failure classes by what the difference looks like.  A seed can be in
several classes; `other` is what no rule recognizes (look at those by hand).
usage: classify.py DIR"""
import collections
import glob
import os
import re
import sys

d = sys.argv[1]


def norm_got(path):
    lines = []
    for ln in open(path, encoding="utf-8"):
        if "<bron " in ln or not ln.strip():
            continue
        lines.append(re.sub(r' pagina="[^"]*"', "", ln))
    return "".join(lines)


def notes(xml):
    return dict(re.findall(r'<noot n="(\d+)">\s*<al>(.*?)</al>', xml, re.S))


classes = collections.defaultdict(list)
failed = 0
for res in sorted(glob.glob(os.path.join(d, "*.res")), key=lambda p: int(os.path.basename(p)[:-4])):
    seed = int(os.path.basename(res)[:-4])
    if open(res).readline().strip() == "ok":
        continue
    failed += 1
    exp_path, got_path = f"{d}/gen-{seed}.xml", f"{d}/got-{seed}.xml"
    if not os.path.exists(got_path) or os.path.getsize(got_path) == 0:
        classes["no-output"].append(seed)
        continue
    exp, got = open(exp_path, encoding="utf-8").read(), norm_got(got_path)
    found = set()
    en, gn = notes(exp), notes(got)
    if any(re.match(r"(Tweede|Eerste) Kamer, vergaderjaar", t) and n not in gn for n, t in en.items()):
        found.add("furniture-note")
    if re.search(r"CO2\d|CO<sub>2\d", got):
        found.add("co2-marker")
    for u in re.findall(r"<url>([^<]*)</url>", exp):
        if not re.match(r"(https?://|www\.)", u) and f"<url>{u}</url>" not in got:
            found.add("bare-url")
    exp_oms = re.search(r'<omschrijving type="vraag">.*', exp).group(0)
    got_oms = (re.search(r'<omschrijving type="vraag">.*', got) or re.search("x", "x")).group(0)
    if exp_oms != got_oms:
        found.add("omschrijving")
    if "<al>•" in got or "<li>" in exp and exp.count("<li>") != got.count("<li>"):
        found.add("list-order")
    if re.search(r"<tabel>\s*<rij>\s*<cel>\d+</cel>\s*</rij>\s*</tabel>", got):  # a note number as a table
        found.add("body-size")
    elif exp.count("<tabel>") != got.count("<tabel>") or exp.count("<cel>") != got.count("<cel>") or \
            re.findall(r"<tabel>.*?</tabel>", exp, re.S) != re.findall(r"<tabel>.*?</tabel>", got, re.S):
        found.add("table")
    for n, t in en.items():
        if n in gn and gn[n] != t and "furniture-note" not in found and \
                re.sub("</?url>", "", gn[n]) != re.sub("</?url>", "", t):
            a, b = re.sub("</?url>", "", gn[n]), re.sub("</?url>", "", t)
            rest = b[len(a):] if b.startswith(a) else None
            found.add("note-digit-line" if rest and re.fullmatch(r"[ (]*\d+\)?\.?", rest) else "note-text")
    if re.search(r"[?.»)](<noot-ref n=\"\d+\"/>)? (Vraag|Vragen|Antwoord|Antwoorden) \d[\d, en]*</al>", got):
        found.add("label-merged")
    if set(gn) - set(en):
        found.add("extra-note")
    if not found:
        found.add("other")
    for c in found:
        classes[c].append(seed)
for c, seeds in sorted(classes.items(), key=lambda kv: -len(kv[1])):
    print(f"{c:16} {len(seeds):5}  e.g. {' '.join(map(str, seeds[:8]))}")
print(f"{failed} failed")
