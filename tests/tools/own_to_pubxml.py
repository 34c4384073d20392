#!/usr/bin/env python3
"""own_to_pubxml.py: write a document in the publisher's XML from ahconv's own XML.

usage: own_to_pubxml.py OWN.xml OUT.xml

The generator (tests/gen/ahgen.c) writes, for each adversarial document it
typesets, the normalized XML ahconv must give (spec/aanhangsel-xml.md).  This
turns that XML into the publisher's vocabulary (spec/publisher-xml.md), so the
publisher-XML reader meets the same adversarial content as the PDF reader:
combined and ranged labels, mededelingen, lists and tables, notes whose text
looks like page furniture, long web addresses, sub- and superscripts.  Each
marker becomes the noot itself (noot.nr, noot.al) where it stands, a second
marker of the same note a nootref; url becomes extref; sub becomes inf; an
omschrijving's askers and answerer become naam/achternaam, its subject
kamervraagonderwerp, its dates datum@isodatum.  Python 3 standard library only.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

NS = '{urn:ahconv:aanhangsel:1}'
KAMERS = {'tk': 'Tweede Kamer der Staten-Generaal', 'ek': 'Eerste Kamer der Staten-Generaal'}


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


class Writer:
    def __init__(self, notes):
        self.notes = notes      # number -> the noot element
        self.placed = set()     # numbers whose noot is already written

    def note(self, n):
        if n in self.placed:
            return '<nootref refid="n%d"/>' % n
        self.placed.add(n)
        body = ''.join('<noot.al>%s</noot.al>' % self.inline(al) for al in self.notes[n])
        return '<noot id="n%d" type="voet"><noot.nr>%d</noot.nr>%s</noot>' % (n, n, body)

    def inline(self, elem):
        """The content of elem (al, li, cel, an omschrijving) in the publisher's inline markup."""
        out = [escape(elem.text or '')]
        for c in elem:
            tag = local(c.tag)
            text = escape(''.join(c.itertext()))
            if tag == 'noot-ref':
                out.append(self.note(int(c.get('n'))))
            elif tag == 'url':
                out.append('<extref doc=%s soort="url">%s</extref>' % (quoteattr(''.join(c.itertext())), text))
            elif tag == 'sub':
                out.append('<inf>%s</inf>' % text)
            elif tag == 'sup':
                out.append('<sup>%s</sup>' % text)
            elif tag in ('vragensteller', 'beantwoorder'):
                out.append('<naam><achternaam>%s</achternaam></naam>' % text)
            elif tag == 'onderwerp':
                out.append('<kamervraagonderwerp>%s</kamervraagonderwerp>' % text)
            elif tag == 'datum':
                out.append('<datum isodatum="%s">%s</datum>' % (c.get('iso'), text))
            else:  # ontvanger, zie-ook: printed text
                out.append(text)
            out.append(escape(c.tail or ''))
        return ''.join(out)

    def blocks(self, section):
        out = []
        for b in section:
            tag = local(b.tag)
            if tag == 'al':
                out.append('<al>%s</al>' % self.inline(b))
            elif tag == 'lijst':
                items = ''.join('<li><li.nr>\u2022</li.nr><al>%s</al></li>' % self.inline(li) for li in b)
                out.append('<lijst type="ongemarkeerd">%s</lijst>' % items)
            elif tag == 'tabel':
                cols = max((len(list(r)) for r in b), default=1)
                rows = ''.join('<row>%s</row>' % ''.join('<entry><al>%s</al></entry>' % self.inline(c) for c in r)
                               for r in b)
                specs = ''.join('<colspec colname="c%d"/>' % (i + 1) for i in range(cols))
                out.append('<tabel><tgroup cols="%d">%s<tbody>%s</tbody></tgroup></tabel>' % (cols, specs, rows))
        return ''.join(out)


def convert(own):
    root = ET.fromstring(own)
    notes = {}
    for noten in root.findall(NS + 'noten'):
        for noot in noten:
            notes[int(noot.get('n'))] = [al for al in noot if local(al.tag) == 'al']
    w = Writer(notes)
    doc_id, kamer, jaar = root.get('id'), root.get('kamer'), root.get('vergaderjaar')
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie>',
             '<metadata><meta name="OVERHEIDop.externMetadataRecord" scheme="" '
             'content="https://zoek.officielebekendmakingen.nl/%s/metadata.xml"/></metadata>' % doc_id,
             '<kamervragen><kamervraagkop>',
             '<tekstregel inhoud="kameraanduiding">%s</tekstregel>' % KAMERS[kamer],
             '<tekstregel inhoud="vergaderjaar">Vergaderjaar %s</tekstregel>' % jaar,
             '</kamervraagkop><kamervraagnummer>%s</kamervraagnummer>' % root.get('nummer')]
    for c in root:
        tag = local(c.tag)
        if tag == 'omschrijving':
            parts.append('<kamervraagomschrijving type="%s">%s</kamervraagomschrijving>' % (c.get('type'), w.inline(c)))
        elif tag in ('vraag', 'antwoord'):
            label = c.find(NS + 'label')
            nr = escape(''.join(label.itertext())) if label is not None else ''
            parts.append('<%s><nr>%s</nr>%s</%s>' % (tag, nr, w.blocks(c), tag))
        elif tag == 'mededeling':
            parts.append('<kamervraagopmerking>%s</kamervraagopmerking>' % w.blocks(c))
    unplaced = sorted(set(notes) - w.placed)
    parts.extend(w.note(n) for n in unplaced)  # a note no marker names stands apart, as in the source
    parts.append('</kamervragen></officiele-publicatie>\n')
    return ''.join(parts)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    with open(sys.argv[1], 'rb') as f:
        text = convert(f.read())
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
