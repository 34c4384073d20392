#!/usr/bin/env python3
"""The bundled sample, converted by the CLI, must say exactly what its
expected text says: every vraag/antwoord label and text (note markers as
[^n]), every note, and the metadata of its omschrijving sentences.
usage: sample_check.py AHCONV SAMPLE.pdf EXPECTED.txt"""
import re, subprocess, sys
import xml.etree.ElementTree as ET

NS = '{urn:ahconv:aanhangsel:1}'
passed = failed = 0

def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print('FAIL:', what, file=sys.stderr)

def squash(s):
    # white space and bullet glyphs are presentation (a list is <lijst><li>)
    return re.sub(r'[\s\u2022]+', ' ', s).strip()

def text_of(el):
    out = []
    def walk(e):
        if e.tag == NS + 'noot-ref':
            out.append('[^%s]' % e.get('n'))
        else:
            if e.tag in (NS + 'li', NS + 'al', NS + 'cel'):
                out.append(' ')
            out.append(e.text or '')
            for c in e:
                walk(c)
                out.append(c.tail or '')
    walk(el)
    return squash(''.join(out))

ahconv, sample, expected = sys.argv[1:4]
p = subprocess.run([ahconv, 'convert', '-f', 'xml', sample], capture_output=True)
check(p.returncode == 0, 'convert exit %d: %s' % (p.returncode, p.stderr.decode()))
root = ET.fromstring(p.stdout)
got = []
for b in root:
    if b.tag in (NS + 'vraag', NS + 'antwoord'):
        label = b.find(NS + 'label').text
        body = squash(' '.join(text_of(c) for c in b if c.tag != NS + 'label'))
        got.append((label, body))
for n in root.iter(NS + 'noot'):
    got.append(('Noot ' + n.get('n'), text_of(n)))
want = []
for line in open(expected, encoding='utf-8'):
    if line.strip():
        k, v = line.rstrip('\n').split('\t', 1)
        want.append((k, squash(v)))
check(len(got) == len(want), 'blocks: got %d, want %d' % (len(got), len(want)))
for (gk, gv), (wk, wv) in zip(got, want):
    check(gk == wk, 'label %r, want %r' % (gk, wk))
    check(gv == wv, '%s:\n  got  %s\n  want %s' % (wk, gv, wv))

check(root.get('id') == 'ah-tk-20252026-9999', 'id %r' % root.get('id'))
check(root.get('nummer') == '9999', 'nummer')
check(root.get('vergaderjaar') == '2025-2026', 'vergaderjaar')
askers = [(v.text, v.get('partij')) for v in root.iter(NS + 'vragensteller')]
check(askers == [('Jansen', 'VVD'), ('De Vries-van Dam', 'GroenLinks-PvdA')], 'vragenstellers %r' % askers)
to = [o.text for o in root.iter(NS + 'ontvanger')]
check(to == ['Minister van Infrastructuur en Waterstaat', 'Staatssecretaris van Financiën'], 'ontvangers %r' % to)
dates = [d.get('iso') for d in root.iter(NS + 'datum')]
check(dates == ['2025-09-03', '2025-09-24'], 'dates %r' % dates)
b = root.find('.//' + NS + 'beantwoorder')
check(b is not None and b.text == 'Bakker' and b.get('functie') == 'Minister', 'beantwoorder')
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
