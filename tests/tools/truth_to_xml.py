#!/usr/bin/env python3
"""truth_to_xml.py: write a document in the publisher's XML from a truth JSON.

usage: truth_to_xml.py [--plain] [--metadata OUT.metadata.xml] TRUTH.json OUT.xml

The truth files of ../shared/corpus/truth say what a document contains; this
turns one into the publisher's own vocabulary (../shared/spec/publisher-xml.md,
the shape of ../shared/corpus/official-xml/ah-tk-20202021-3235.xml), so that
the XML reader can be scored against the same truth as the PDF and HTML
readers.  It uses what that vocabulary offers:
  - the masthead (kamervraagkop), kamervraagnummer and the metadata pointer;
  - the omschrijving sentences with naam/voornaam/achternaam around the
    askers and the answerer, organisatie, kamervraagonderwerp and
    datum@isodatum;
  - vraag/antwoord with nr and al; footnotes as inline noot (noot.nr,
    noot.al) where the marker stands, addresses in notes as extref;
  - lists: in every other answer of more than one sentence the first
    sentence stays an al and the others become a lijst (ongemarkeerd, li.nr
    "•" in one, none in the next); quoted titles «…» in nadruk;
  - a mededeling as kamervraagopmerking with its "Mededeling" heading.
--plain leaves out the lists and nadruk (a rendition like the truth-built
HTML page, for a three-way comparison).  --metadata also writes a metadata
record (metadata_gegevens) for the document.  Python 3 standard library only.
"""
import json
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from truth_to_html import order, web_addresses  # noqa: E402  the HTML pages' section order and addresses

MARK = re.compile(r'\s*\[\^(\d+)\]')
MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
          'oktober', 'november', 'december']


def linkify(text):
    """Note text with complete web addresses as extref (the text as printed)."""
    out, pos = [], 0
    for start, url in web_addresses(text):
        out.append(escape(text[pos:start]))
        out.append('<extref doc=%s soort="url">%s</extref>' % (quoteattr(url), escape(url)))
        pos = start + len(url)
    out.append(escape(text[pos:]))
    return ''.join(out)


def emphasis(text, plain):
    """Escaped text with «…» titles in nadruk (they stay printed text)."""
    if plain:
        return escape(text)
    out, pos = [], 0
    for m in re.finditer(r'«[^«»]+»', text):
        out.append(escape(text[pos:m.start()]))
        out.append('<nadruk type="cur">%s</nadruk>' % escape(m.group()))
        pos = m.end()
    out.append(escape(text[pos:]))
    return ''.join(out)


def inline(text, notes, plain):
    """Text with every [^n] as the noot itself, glued to the word before it."""
    out, pos = [], 0
    for m in MARK.finditer(text):
        out.append(emphasis(text[pos:m.start()], plain))
        n = m.group(1)
        out.append('<noot id="n%s" type="voet"><noot.nr>%s</noot.nr><noot.al>%s</noot.al></noot>'
                   % (n, n, linkify(notes.get(int(n), ''))))
        pos = m.end()
        p = re.match(r'\s+(?=[.,;:!?)])', text[pos:])
        if p:
            pos += p.end()
    out.append(emphasis(text[pos:], plain))
    return ''.join(out).strip()


def sentences(text):
    """Cut at '. ' before a capital, never inside a marker's reach."""
    parts, start = [], 0
    for m in re.finditer(r'(?<=[.?!])\s+(?=[A-Z])', text):
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def body(text, notes, plain, list_style):
    """One al, or an al and a lijst of the remaining sentences."""
    parts = sentences(text)
    if plain or list_style is None or len(parts) < 2:
        return '      <al>%s</al>\n' % inline(text, notes, plain)
    items = []
    for p in parts[1:]:
        nr = '<li.nr>\u2022</li.nr>' if list_style == 'bullet' else ''
        items.append('        <li>%s<al>%s</al></li>\n' % (nr, inline(p, notes, plain)))
    return ('      <al>%s</al>\n      <lijst type="ongemarkeerd">\n%s      </lijst>\n'
            % (inline(parts[0], notes, plain), ''.join(items)))


def marked_sentence(sentence, spans):
    """Escaped sentence with markup around the first occurrence of each
    (needle, open, close), left to right, never overlapping."""
    taken, pos = [], 0
    for needle, open_tag, close_tag in spans:
        i = sentence.find(needle, pos) if needle else -1
        if i < 0:
            continue
        taken.append((i, i + len(needle), open_tag, close_tag))
        pos = i + len(needle)
    out, pos = [], 0
    for start, end, open_tag, close_tag in taken:
        out.append(escape(sentence[pos:start]) + open_tag + escape(sentence[start:end]) + close_tag)
        pos = end
    out.append(escape(sentence[pos:]))
    return ''.join(out)


def date_span(sentence, keyword):
    m = re.search(r'\(%s (\d{1,2} (%s) \d{4})\)' % (keyword, '|'.join(MONTHS)), sentence)
    if not m:
        return None
    day, month, year = m.group(1).split()
    iso = '%s-%02d-%02d' % (year, MONTHS.index(month) + 1, int(day))
    return (m.group(1), '<datum isodatum="%s">' % iso, '</datum>')


def omschrijving_vraag(d):
    s = d['omschrijving_vraag']
    spans = []
    for p in d.get('vragenstellers') or []:
        spans.append((p['naam'], '<naam><achternaam>', '</achternaam></naam>'))
    if d.get('onderwerp'):
        spans.append((d['onderwerp'], '<kamervraagonderwerp>', '</kamervraagonderwerp>'))
    date = date_span(s, 'ingezonden')
    if date:
        spans.append(date)
    return voornaam_fix(marked_sentence(s, spans))


def voornaam_fix(xml):
    """<naam><achternaam>Romke de Jong</achternaam></naam> ->
    <naam><voornaam>Romke de </voornaam><achternaam>Jong</achternaam></naam>."""
    def split(m):
        text = m.group(1)
        if ' ' not in text or text.split()[0] in ('Van', 'De', 'Den', 'Ter', 'Ten') or text[0].islower():
            return m.group(0)
        first, last = text.rsplit(' ', 1)
        return '<naam><voornaam>%s </voornaam><achternaam>%s</achternaam></naam>' % (first, last)
    return re.sub(r'<naam><achternaam>([^<]*)</achternaam></naam>', split, xml)


def omschrijving_antwoord(d):
    s = d['omschrijving_antwoord']
    b = d.get('beantwoording') or {}
    spans = []
    if b.get('naam'):
        spans.append((b['naam'], '<naam><achternaam>', '</achternaam></naam>'))
    if b.get('ministerie'):
        spans.append((b['ministerie'], '<organisatie>', '</organisatie>'))
    for keyword in ('ontvangen',):
        date = date_span(s, keyword)
        if date:
            spans.append(date)
    return marked_sentence(s, spans)


def document(d, plain):
    doc_id = d['id']
    notes = {n['n']: n['text'] for n in d.get('noten') or []}
    kamer = d.get('kamer') or 'Tweede Kamer'
    chamber = 'Eerste Kamer der Staten-Generaal' if kamer.lower().startswith('eerste') else \
        'Tweede Kamer der Staten-Generaal'
    soort = ((d.get('beantwoording') or {}).get('soort') or 'antwoord').lower()
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n'
         '<officiele-publicatie xsi:noNamespaceSchemaLocation="http://example.org/op-xsd.xsd" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
         '  <metadata>\n'
         '    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://example.org/%s/metadata.xml"/>\n'
         '  </metadata>\n'
         '  <kamervragen>\n'
         '    <kamervraagkop>\n'
         '      <tekstregel inhoud="vergaderjaar">Vergaderjaar %s</tekstregel>\n'
         '      <tekstregel inhoud="kameraanduiding">%s</tekstregel>\n'
         '      <tekstregel inhoud="kamernummer">%s</tekstregel>\n'
         '      <tekstregel inhoud="documenttype">\n\t\t\t\tAanhangsel van de Handelingen\n\t\t\t</tekstregel>\n'
         '    </kamervraagkop>\n'
         '    <kamervraagnummer>%s</kamervraagnummer>\n'
         % (escape(doc_id), escape(d['vergaderjaar'].replace('\u2013', '-')), chamber,
            '1' if chamber.startswith('Eerste') else '2', d['nummer'])]
    o.append('    <kamervraagomschrijving type="vraag">%s</kamervraagomschrijving>\n' % omschrijving_vraag(d))
    if d.get('omschrijving_antwoord'):
        o.append('    <kamervraagomschrijving type="%s">%s</kamervraagomschrijving>\n'
                 % ('mededeling' if soort == 'mededeling' else 'antwoord', omschrijving_antwoord(d)))
    answers = 0
    for kind, b in order(d.get('vragen') or [], d.get('antwoorden') or []):
        style = None
        if kind == 'antwoord':
            answers += 1
            style = ('bullet' if answers % 4 == 1 else 'none') if answers % 2 == 1 else None
        o.append('    <%s>\n      <nr status="officieel">%s</nr>\n%s    </%s>\n'
                 % (kind, escape(b['label']), body(b['text'], notes, plain, style), kind))
    med = [m for m in (d.get('mededeling') or []) if m.strip()]
    if med:
        o.append('    <kamervraagopmerking>\n      <kop><titel>Mededeling</titel></kop>\n')
        for m in med:
            o.append('      <al>%s</al>\n' % inline(m, notes, plain))
        o.append('    </kamervraagopmerking>\n')
    o.append('  </kamervragen>\n</officiele-publicatie>\n')
    return ''.join(o)


def record(d):
    """A metadata record as the publisher's metadata.xml lays it out."""
    rows = [('DC.identifier', 'OVERHEIDop.ParlID', d['id']),
            ('OVERHEIDop.aanhangselNummer', '', str(d['nummer'])),
            ('OVERHEIDop.vergaderjaar', '', d['vergaderjaar'].replace('\u2013', '-'))]
    rows += [('OVERHEIDop.indiener', '', p['naam']) for p in d.get('vragenstellers') or []]
    b = d.get('beantwoording') or {}
    if b.get('naam'):
        rows.append(('OVERHEIDop.ontvanger', '', b['naam']))
    if d.get('ontvangen'):
        rows.append(('OVERHEIDop.datumOntvangst', 'DCTERMS.W3CDTF', d['ontvangen']))
    rows.append(('OVERHEID.category', 'OVERHEID.TaxonomieBeleidsagenda', 'Overige'))
    body_rows = ''.join('<metadata name=%s scheme=%s content=%s/>\n' % (quoteattr(n), quoteattr(s), quoteattr(c))
                        for n, s, c in rows)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n%s</metadata_gegevens>\n' % body_rows


def main(argv):
    args = argv[1:]
    plain = '--plain' in args
    args = [a for a in args if a != '--plain']
    metadata = None
    if '--metadata' in args:
        i = args.index('--metadata')
        if i + 1 >= len(args):
            sys.stderr.write('--metadata needs a file name\n')
            return 2
        metadata = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write('usage: truth_to_xml.py [--plain] [--metadata OUT.metadata.xml] TRUTH.json OUT.xml\n')
        return 2
    with open(args[0], encoding='utf-8') as f:
        d = json.load(f)
    with open(args[1], 'w', encoding='utf-8', newline='\n') as f:
        f.write(document(d, plain))
    if metadata:
        with open(metadata, 'w', encoding='utf-8', newline='\n') as f:
            f.write(record(d))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
