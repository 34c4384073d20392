#!/usr/bin/env python3
"""truth_to_html.py: write a page in the official HTML markup from a truth JSON.

usage: truth_to_html.py TRUTH.json OUT.html

The truth files of ../shared/corpus/truth say what a document contains; this
turns one into the markup of the official publication site (the shape of
../shared/corpus/html/ah-tk-20202021-3235.html, with the footnote markup of
../shared/spec/design.md), so that the HTML reader can be scored against the
same truth as the PDF reader.  Footnote markers `[^n]` become
<a class="nootnum ..."> links right after the preceding word; each vraag and
antwoord text becomes one <p>; notes go to <div id="noten"> at the end of the
broodtekst.  Python 3 standard library only.
"""
import html
import json
import re
import sys

def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def note_key(doc_id, n):
    """The id the site gives a note: ID-<document>-d<number>."""
    return 'ID-%s-d%s' % (doc_id, n)


def marker(doc_id, n):
    k = note_key(doc_id, n)
    return '<a class="nootnum supernote-click-%s" href="#%s">%s</a>' % (attr(k), attr(k), esc(str(n)))


MARK = re.compile(r'\s*\[\^(\d+)\]')


def inline(text, doc_id):
    """Escaped text with every [^n] as a note link, glued to the word before
    it (the truth puts spaces around markers; spacing is not significant)."""
    out, pos = [], 0
    for m in MARK.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append(marker(doc_id, m.group(1)))
        pos = m.end()
        # "wetgeving [^3] ." : no space between the marker and punctuation
        p = re.match(r'\s+(?=[.,;:!?)])', text[pos:])
        if p:
            pos += p.end()
    out.append(esc(text[pos:]))
    return ''.join(out).strip()


URL = re.compile(r'https?://[^\s<>"]+')


def web_addresses(text):
    """(start, address) of each complete web address in text, trailing
    punctuation left out; an address the truth shows broken by a space
    ("https:// www…") is none."""
    for m in URL.finditer(text):
        url = m.group()
        while url and (url[-1] in '.,;:!?' or (url[-1] == ')' and url.count('(') < url.count(')'))):
            url = url[:-1]
        if len(url) > len('https://') and '.' in url.split('://', 1)[1]:
            yield m.start(), url


def linkify(text):
    """Escaped note text with complete web addresses as external links."""
    out, pos = [], 0
    for start, url in web_addresses(text):
        out.append(esc(text[pos:start]))
        out.append('<a href="%s" class="externe_link">%s</a>' % (attr(url), esc(url)))
        pos = start + len(url)
    out.append(esc(text[pos:]))
    return ''.join(out)


def names(people):
    ns = [p['naam'] for p in people]
    if len(ns) <= 1:
        return ''.join(ns)
    return ', '.join(ns[:-1]) + ' en ' + ns[-1]


def order(vragen, antwoorden):
    """Vragen and antwoorden interleaved as the rendition prints them: an
    antwoord follows the last vraag whose numbers it covers."""
    seq, done, asked = [], set(), set()
    for v in vragen:
        seq.append(('vraag', v))
        asked.update(v['nums'])
        for i, a in enumerate(antwoorden):
            if i not in done and set(a['nums']) <= asked:
                seq.append(('antwoord', a))
                done.add(i)
    seq.extend(('antwoord', a) for i, a in enumerate(antwoorden) if i not in done)
    return seq


def page(d):
    doc_id = d['id']
    kamer = d.get('kamer') or 'Tweede Kamer'
    creator = 'Eerste Kamer der Staten-Generaal' if kamer.lower().startswith('eerste') or kamer == 'ek' \
        else 'Tweede Kamer der Staten-Generaal'
    soort = ((d.get('beantwoording') or {}).get('soort') or 'antwoord').lower()
    askers = d.get('vragenstellers') or []
    title = '%s vragen van %s %s' % ('Mededeling over' if soort == 'mededeling' else 'Antwoord op',
                                         'het lid' if len(askers) == 1 else 'de leden', names(askers))
    if d.get('onderwerp'):
        title += ' over ' + d['onderwerp']

    meta = [('DC.identifier', 'OVERHEIDop.ParlID', doc_id),
            ('OVERHEIDop.aanhangselNummer', '', str(d['nummer']))]
    if d.get('ontvangen'):
        meta.append(('OVERHEIDop.datumOntvangst', 'DCTERMS.W3CDTF', d['ontvangen']))
    meta.append(('DC.type', 'OVERHEIDop.AanhangselTypen', 'Mededeling' if soort == 'mededeling' else 'Antwoord'))
    meta += [('OVERHEIDop.indiener', '', p['naam']) for p in askers]
    meta += [('OVERHEIDop.vergaderjaar', '', d['vergaderjaar'].replace('–', '-')),
             ('DC.creator', 'OVERHEID.StatenGeneraal', creator),
             ('DC.type', 'OVERHEIDop.Parlementair', 'Aanhangsel van de Handelingen')]
    if d.get('ontvangen'):
        meta.append(('DCTERMS.issued', 'DCTERMS.W3CDTF', d['ontvangen']))
    meta += [('DC.title', '', title),
             ('DCTERMS.language', 'DCTERMS.RFC4646', 'nl'),
             ('DC.type', 'OVERHEID.Informatietype', 'officiële publicatie'),
             ('OVERHEIDop.publicationName', '', 'Kamervragen (Aanhangsel)')]

    o = []
    o.append('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html\n'
             '  PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
             '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl">\n'
             '   <head>\n'
             '      <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n')
    for name, scheme, content in meta:
        o.append('      <meta name="%s" scheme="%s" content="%s" />\n' % (attr(name), attr(scheme), attr(content)))
    o.append('      <link href="./op.css" rel="stylesheet" type="text/css" />\n'
             '      <link href="./op-noten.css" rel="stylesheet" type="text/css" />\n'
             '      <link href="./kamervragen.css" rel="stylesheet" type="text/css" />\n'
             '      <title>%s</title>\n'
             '   </head>\n'
             '   <body onload="enablePopup()">\n'
             '      <div id="kopregel">\n'
             '         <!--EINDE kopregel-->\n'
             '      </div>\n'
             '      <div id="inhoudsopgave"></div>\n'
             '      <div id="broodtekst">\n' % esc(title))
    eid = [43]

    def anchor():
        eid[0] += 2
        return '<a id="d17e%d" name="d17e%d"></a>' % (eid[0], eid[0])

    for key in ('omschrijving_vraag', 'omschrijving_antwoord'):
        if d.get(key):
            o.append('         <h1 class="kamervraagomschrijving_kop no-toc">%s%s</h1>\n'
                     % (anchor(), inline(d[key], doc_id)))
    for kind, b in order(d.get('vragen') or [], d.get('antwoorden') or []):
        o.append('         <div class="%s">\n'
                 '            <h2 class="stuktitel no-toc">%s%s</h2>\n'
                 '            <p>%s</p>\n'
                 '         </div>\n' % (kind, anchor(), esc(b['label']), inline(b['text'], doc_id)))
    med = [m for m in (d.get('mededeling') or []) if m.strip()]
    if med:
        o.append('         <div class="kamervraagopmerking">\n'
                 '            <h2 class="kamervraagopmerking_kop no-toc">%sMededeling</h2>\n' % anchor())
        for m in med:
            o.append('            <p>%s</p>\n' % inline(m, doc_id))
        o.append('         </div>\n')
    notes = d.get('noten') or []
    if notes:
        o.append('         <div id="noten">\n            <hr />\n')
        for n in notes:
            k = note_key(doc_id, n['n'])
            o.append('            <div class="voet noot snp-mouseoffset snb-pinned notedefault" id="supernote-note-%s">\n'
                     '               <h5 class="note-close"><a class="note-close" href="#close-%s">X</a> Noot</h5>\n'
                     '               <sup><span class="nootnum"><a id="%s" name="%s"></a>%s</span></sup>\n'
                     '               <p>%s</p>\n'
                     '            </div>\n' % (attr(k), attr(k), attr(k), attr(k), esc(str(n['n'])), linkify(n['text'])))
        o.append('         </div>\n')
    o.append('      </div>\n'
             '      <div id="voetregel"></div>\n'
             '   </body>\n'
             '</html>\n')
    return ''.join(o)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: truth_to_html.py TRUTH.json OUT.html\n')
        return 2
    with open(argv[1], encoding='utf-8') as f:
        d = json.load(f)
    text = page(d)
    with open(argv[2], 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
