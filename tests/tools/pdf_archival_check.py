#!/usr/bin/env python3
"""What an archive's checks see in a clean PDF, against the document's XML.

usage: pdf_archival_check.py CLEAN.pdf DOC.xml [--no-embed]

DOC.xml is `ahconv convert -f xml` of the rendition the PDF was made from.
- pdfinfo: Tagged: yes, Metadata Stream: yes;
- pdfinfo -struct-text: one Sect per vraag, antwoord and mededeling, in
  order, each opening with its label as H2;
- pdfinfo -meta: the XMP has the publication id as dc:identifier and the
  language nl-NL;
- pdfdetach: the embedded file <id>.xml equals DOC.xml apart from bron and
  pagina, and its SHA-256 is the XMP's ahconv:xmlSha256 (with --no-embed:
  no embedded file, no checksum in the XMP);
- qpdf --check: no error and no warning.
Prints "N passed, M failed"; exit 1 on a failure.
"""
import hashlib, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

NS = '{urn:ahconv:aanhangsel:1}'
pdf, xml = sys.argv[1], sys.argv[2]
embed = '--no-embed' not in sys.argv[3:]
root = ET.parse(xml).getroot()
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL: %s: %s' % (os.path.basename(pdf), what))


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def squash(s):
    return ' '.join(s.split())


def comparable(text):
    """The XML without bron and pagina."""
    return [re.sub(r' pagina="[^"]*"', '', l) for l in text.splitlines() if '<bron ' not in l]


info = run('pdfinfo', pdf).stdout
check(re.search(r'^Tagged:\s+yes$', info, re.M), 'pdfinfo: not tagged')
check(re.search(r'^Metadata Stream:\s+yes$', info, re.M), 'pdfinfo: no metadata stream')

# the sections of the structure tree: "  Sect" at depth 1, its first child an H2 with the label's text
struct = run('pdfinfo', '-struct-text', pdf).stdout.splitlines()
sects = []
for i, line in enumerate(struct):
    if line == '  Sect':
        head = struct[i + 1].strip() if i + 1 < len(struct) else ''
        text = struct[i + 2].strip() if i + 2 < len(struct) else ''
        sects.append(text.strip('"') if head.startswith('H2') else None)
want = []
for el in root:
    if el.tag in (NS + 'vraag', NS + 'antwoord', NS + 'mededeling'):
        label = el.find(NS + 'label')
        want.append(squash(''.join(label.itertext())) if label is not None else 'Mededeling')
check(sects == want, 'structure sections %r, want %r' % (sects, want))

meta = run('pdfinfo', '-meta', pdf).stdout
doc_id = root.get('id')
check(doc_id and '<dc:identifier>%s</dc:identifier>' % doc_id in meta, 'XMP lacks dc:identifier %s' % doc_id)
check('<rdf:li>nl-NL</rdf:li>' in meta, 'XMP lacks the language')
sha = re.search(r'<ahconv:xmlSha256>([0-9a-f]{64})</ahconv:xmlSha256>', meta)

listing = run('pdfdetach', '-list', pdf).stdout
name = '%s.xml' % doc_id
if embed:
    check(re.search(r'^1: %s$' % re.escape(name), listing, re.M), 'pdfdetach -list: %r' % listing)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, name)
        saved = run('pdfdetach', '-save', '1', '-o', out, pdf).returncode == 0
        check(saved, 'pdfdetach -save failed')
        data = open(out, 'rb').read() if saved else b''
    original = open(xml, encoding='utf-8').read()
    check(comparable(data.decode('utf-8')) == comparable(original), 'the embedded XML differs from the document\'s')
    check(sha and hashlib.sha256(data).hexdigest() == sha.group(1), 'the XMP checksum is not the embedded XML\'s')
else:
    check(listing.startswith('0 embedded files'), 'pdfdetach -list with --no-embed: %r' % listing)
    check(sha is None, 'an XML checksum in the XMP without an embedded XML')

qpdf = run('qpdf', '--check', pdf)
check(qpdf.returncode == 0 and 'WARNING' not in qpdf.stdout + qpdf.stderr,
      'qpdf --check: exit %d: %s' % (qpdf.returncode, (qpdf.stdout + qpdf.stderr).strip().splitlines()[-3:]))

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
