#!/usr/bin/env python3
"""What a reader of a clean PDF sees, checked against the document's XML.

usage: pdf_text_check.py CLEAN.pdf DOC.xml

- pdfinfo shows the title (with the Aanhangsel number) and the askers as author;
- pdftotext has every vraag and antwoord label on a line of its own;
- footnotes stay out of the body flow: on each page pdftotext gives the body
  lines first, then the note lines, then the running footer;
- the PDF has an outline entry per label and a link per note marker.
Prints "N passed, M failed"; exit 1 on a failure.
"""
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

NS = '{urn:ahconv:aanhangsel:1}'
pdf, xml = sys.argv[1], sys.argv[2]
root = ET.parse(xml).getroot()
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL: ' + what)


def squash(s):
    return ' '.join(s.split())


def bare(s):
    # pdftotext joins a line-end hyphen on its own: compare without them
    return re.sub(r'[\s\-\u00ad]', '', s)


def text(el):
    return squash(''.join(el.itertext()))


info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
fields = dict(line.split(':', 1) for line in info.splitlines() if ':' in line)
title = fields.get('Title', '').strip()
author = fields.get('Author', '').strip()
askers = ', '.join(squash(v.text or '') for v in root.iter(NS + 'vragensteller'))
check(('nr. %s' % root.get('nummer')) in title, 'Title %r lacks the number' % title)
check(author == askers, 'Author %r, want %r' % (author, askers))

pages = int(fields['Pages'])
lines_of = []
for p in range(1, pages + 1):
    t = subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), pdf, '-'], capture_output=True, text=True,
                       check=True).stdout
    lines_of.append([squash(l) for l in t.splitlines() if l.strip()])
all_lines = [l for page in lines_of for l in page]
labels = [text(l) for l in root.iter(NS + 'label')]
for lab in labels:
    check(lab in all_lines, 'label %r is not a line of pdftotext' % lab)

notes = [text(n) for n in root.iter(NS + 'noot')]
body = bare(' '.join(text(e) for tag in ('omschrijving', 'vraag', 'antwoord', 'mededeling') for e in root.iter(NS + tag)))
body += bare(' '.join(lines_of[0][:5]))  # the masthead of page 1
for p, lines in enumerate(lines_of, 1):
    kinds = []
    for l in lines:
        if re.fullmatch(r'\d+', l):
            continue  # a page, note or Aanhangsel number: no flow of its own
        if l.startswith(('Tweede Kamer, vergaderjaar', 'Eerste Kamer, vergaderjaar')) or re.fullmatch(r'ah-(tk|ek)-\d+-\d+', l):
            kinds.append('footer')
        elif len(l) >= 12 and any(bare(re.sub(r'^\d+ ', '', l)) in bare(n) for n in notes):
            # a line found in the body text too says nothing
            if bare(l) not in body:
                kinds.append('note')
        elif len(l) >= 12:
            kinds.append('body')
    order = ''.join({'body': 'b', 'note': 'n', 'footer': 'f'}[k] for k in kinds)
    check(re.fullmatch(r'b*n*f*', order) is not None, 'page %d: body, notes and footer interleaved: %s' % (p, order))

# the objects as qpdf reads them (the file keeps most in compressed object streams)
doc = json.loads(subprocess.run(['qpdf', '--json=2', pdf], capture_output=True, text=True, check=True).stdout)
outline = [o['title'] for o in doc['outlines']]
for lab in labels:
    check(lab in outline, 'no outline entry %r' % lab)
markers = len(list(root.iter(NS + 'noot-ref')))
objects = [o.get('value', o.get('stream', {}).get('dict')) for o in doc['qpdf'][1].values()]
links = sum(1 for o in objects if isinstance(o, dict) and o.get('/Subtype') == '/Link')
check(links == markers, '%d links for %d note markers' % (links, markers))

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
