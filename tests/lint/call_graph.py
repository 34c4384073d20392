#!/usr/bin/env python3
"""Checks that the library's files call and include each other without loops.

usage: call_graph.py LIBDIR [--dot]

Calls: every global function defined in LIBDIR/**/*.c belongs to its file; a
file depends on another when it calls one of that file's functions (an ah_
name followed by "(" outside comments and strings).  Includes: a header
depends on the headers it includes with quotes.  The strongly connected
components of either graph with more than one file are loops; each is printed
with one call (or include) per edge that closes it.  Exit status 0 when there
is none, 1 otherwise.  --dot prints the call graph for graphviz instead.
"""
import os
import re
import sys

DEF = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*?\b(ah_\w+)\s*\([^;]*?\)\s*\{', re.M)
CALL = re.compile(r'\b(ah_\w+)\s*\(')


def strip(src):
    src = re.sub(r'/\*.*?\*/', ' ', src, flags=re.S)
    src = re.sub(r'//[^\n]*', ' ', src)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', src)


def files(libdir):
    for root, _, names in os.walk(libdir):
        for n in sorted(names):
            if n.endswith('.c'):
                yield os.path.relpath(os.path.join(root, n), libdir)


def graph(libdir):
    text = {f: strip(open(os.path.join(libdir, f), encoding='utf-8').read()) for f in files(libdir)}
    owner = {}
    for f, src in text.items():
        for m in DEF.finditer(src):
            owner[m.group(1)] = f
    edges = {f: {} for f in text}
    for f, src in text.items():
        for m in CALL.finditer(src):
            g = owner.get(m.group(1))
            if g and g != f:
                edges[f].setdefault(g, m.group(1))
    return edges


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def include_graph(libdir):
    headers = {}
    for root, _, names in os.walk(libdir):
        for n in names:
            if n.endswith('.h'):
                headers[n] = os.path.join(root, n)
    edges = {h: {} for h in headers}
    for h, path in headers.items():
        for m in INCLUDE.finditer(open(path, encoding='utf-8').read()):
            inc = os.path.basename(m.group(1))
            if inc in headers and inc != h:
                edges[h][inc] = '#include'
    return edges


def sccs(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    edges = graph(sys.argv[1])
    if '--dot' in sys.argv:
        print('digraph calls {')
        for f in sorted(edges):
            for g in sorted(edges[f]):
                print(f'  "{f}" -> "{g}";')
        print('}')
        return 0
    loops = 0
    for kind, g in (('calls', edges), ('includes', include_graph(sys.argv[1]))):
        found = [c for c in sccs(g) if len(c) > 1]
        loops += len(found)
        for comp in found:
            print(f'{kind}: loop of {len(comp)} files: {" ".join(comp)}')
            for f in comp:
                for h, why in sorted(g[f].items()):
                    if h in comp:
                        print(f'  {f} -> {h} ({why})')
        n_edges = sum(len(v) for v in g.values())
        print(f'{kind}: {len(g)} files, {n_edges} dependencies, {len(found)} loops')
    return 1 if loops else 0


if __name__ == '__main__':
    sys.exit(main())
