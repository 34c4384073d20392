#!/usr/bin/env python3
"""Short difference of two XML files, line by line: for a changed line, the
words around its first differing character (ahconv's output first, then the
expected); lines only in one of them with - (ahconv) and + (expected)."""
import difflib
import sys

out = []
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 12

a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
    if tag == "equal":
        continue
    if tag == "replace" and i2 - i1 == j2 - j1:
        for n, (x, y) in enumerate(zip(a[i1:i2], b[j1:j2])):
            k = 0
            while k < min(len(x), len(y)) and x[k] == y[k]:
                k += 1
            s = max(0, k - 60)
            out.append(f"  line {i1 + n + 1}: ahconv …{x[s:k + 70]}")
            out.append(f"  line {i1 + n + 1}: expect …{y[s:k + 70]}")
    else:
        for x in a[i1:i2]:
            out.append("  - " + x.strip()[:160])
        for y in b[j1:j2]:
            out.append("  + " + y.strip()[:160])
print("\n".join(out[:limit]))
