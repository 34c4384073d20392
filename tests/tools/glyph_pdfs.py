#!/usr/bin/env python3
"""glyph_pdfs.py — PDFs whose fonts' character maps the converter must repair.

  glyph_pdfs.py cff SAMPLE.pdf MUTOOL_COPY.pdf OUT.pdf
      The sample with its three fonts made simple Type1C fonts (WinAnsi, no
      ToUnicode, as the official PDFs' fonts are), embedding the CFF programs
      mutool put into MUTOOL_COPY.pdf (`mutool convert` of a copy of the sample
      whose fonts are the non-embedded Helvetica family).  Re-saving OUT.pdf
      with `mutool convert` then gives fonts whose ToUnicode maps contradict
      their glyph names, as it does to the official PDFs.
  glyph_pdfs.py simple FONT.ttf OUT.pdf
      The same Aanhangsel in a simple TrueType font (WinAnsiEncoding,
      nonsymbolic) whose ToUnicode map says "±" for the en dash (code 0x96)
      and "'" for the right quote (0x92): both are repaired from what the
      encoding names them.
  glyph_pdfs.py unnamed FONT.ttf OUT.pdf
      A one-page Aanhangsel in one Identity-encoded TrueType font (FONT.ttf,
      DejaVu Sans) whose ToUnicode map says "±" for the en dash, has no entry
      for "ë" and none for "Ά" (glyph name "Alphatonos", which the converter's
      glyph name table does not hold): the first two are repaired from the
      glyph names, the third is a character nobody can name.

Needs qpdf and fix-qdf (Debian package qpdf) for `cff`.
"""
import re
import struct
import subprocess
import sys
import zlib


def qdf(path):
    return subprocess.run(['qpdf', '--qdf', '--object-streams=disable', path, '-'],
                          capture_output=True, check=True).stdout


def cff_programs(copy, tmp):
    """The CFF program of each Helvetica font mutool embedded, by font name."""
    text = qdf(copy)
    with open(tmp, 'wb') as f:
        f.write(text)
    programs = {}
    for m in re.finditer(rb'/FontFile3 (\d+) 0 R\n  /FontName /([A-Za-z-]+)', text):
        programs[m.group(2)] = subprocess.run(
            ['qpdf', '--show-object=%d' % int(m.group(1)), '--filtered-stream-data', tmp],
            capture_output=True, check=True).stdout
    return programs


def cff(sample, copy, out):
    programs = cff_programs(copy, out + '.fonts.qdf')
    text = qdf(sample)
    text = re.sub(rb'\n  /ToUnicode \d+ 0 R', b'', text)
    text = text.replace(b'/Subtype /TrueType', b'/Subtype /Type1')
    for m in re.finditer(rb'/FontFile2 (\d+) 0 R\n  /FontName /[A-Z]+\+DejaVuSans(-[A-Za-z]+)?', text):
        program = programs[b'Helvetica' + (m.group(2) or b'')]
        pattern = re.compile(rb'\n%d 0 obj\n(<<.*?>>)\nstream\n.*?\nendstream' % int(m.group(1)), re.S)

        def embed(s, n=int(m.group(1)), program=program):
            d = re.sub(rb'/Length1 \d+', b'/Subtype /Type1C', s.group(1))
            d = d.replace(b'\n  /Filter /FlateDecode', b'')
            return b'\n%d 0 obj\n' % n + d + b'\nstream\n' + program + b'\nendstream'
        text = pattern.sub(embed, text, count=1)
    text = text.replace(b'/FontFile2 ', b'/FontFile3 ')
    # the Helvetica programs with Helvetica's own widths (the sample's are DejaVu's)
    text = re.sub(rb'/(BaseFont|FontName) /[A-Z]+\+DejaVuSans', rb'/\1 /Helvetica', text)
    text = re.sub(rb'\n  /(FirstChar|LastChar) \d+', b'', text)
    text = re.sub(rb'\n  /Widths \[[^\]]*\]', b'', text)
    with open(out + '.qdf', 'wb') as f:
        f.write(text)
    with open(out, 'wb') as f:
        subprocess.run(['fix-qdf', out + '.qdf'], stdout=f, check=True)


def tables(font):
    count = struct.unpack('>H', font[4:6])[0]
    return {font[12 + 16 * i:16 + 16 * i]: struct.unpack('>I', font[20 + 16 * i:24 + 16 * i])[0]
            for i in range(count)}


def widths(font, ids):
    """{character: advance width in thousandths of an em} from hhea and hmtx."""
    t = tables(font)
    upem = struct.unpack('>H', font[t[b'head'] + 18:t[b'head'] + 20])[0]
    n = struct.unpack('>H', font[t[b'hhea'] + 34:t[b'hhea'] + 36])[0]
    advance = lambda g: struct.unpack('>H', font[t[b'hmtx'] + 4 * min(g, n - 1):][:2])[0]
    return {c: advance(g) * 1000 // upem for c, g in ids.items()}


def glyph_ids(font):
    """The font's Unicode cmap (format 4) as {character: glyph id}."""
    cmap = tables(font)[b'cmap']
    for i in range(struct.unpack('>H', font[cmap + 2:cmap + 4])[0]):
        platform, encoding, offset = struct.unpack('>HHI', font[cmap + 4 + 8 * i:cmap + 12 + 8 * i])
        sub = cmap + offset
        if (platform, encoding) == (3, 1) and struct.unpack('>H', font[sub:sub + 2])[0] == 4:
            break
    else:
        sys.exit('glyph_pdfs.py: no format 4 Unicode cmap in the font')
    segs = struct.unpack('>H', font[sub + 6:sub + 8])[0] // 2
    words = lambda at, fmt='H': struct.unpack('>%d%s' % (segs, fmt), font[at:at + 2 * segs])
    ends, starts, deltas = words(sub + 14), words(sub + 16 + 2 * segs), words(sub + 16 + 4 * segs, 'h')
    range_at = sub + 16 + 6 * segs
    ranges = words(range_at)
    ids = {}
    for s in range(segs):
        for c in range(starts[s], ends[s] + 1):
            if c == 0xFFFF:
                continue
            if ranges[s] == 0:
                g = (c + deltas[s]) & 0xFFFF
            else:
                at = range_at + 2 * s + ranges[s] + 2 * (c - starts[s])
                g = struct.unpack('>H', font[at:at + 2])[0]
                g = (g + deltas[s]) & 0xFFFF if g else 0
            if g:
                ids[chr(c)] = g
    return ids


def stream(data, extra=b''):
    z = zlib.compress(data)
    return b'<< /Length %d /Filter /FlateDecode %s>>\nstream\n' % (len(z), extra) + z + b'\nendstream'


LINES = ['Vragen van het lid Jansen aan de Minister van Financi\u00ebn.', 'Vraag 1',
         'Hoe gaat het in 2023\u20132024 met de collega\u2019s in Frysl\u0386n?', 'Antwoord 1', 'Goed.']


def write_pdf(out, font_dicts, content, cmap, font):
    objs = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> '
        b'/Contents 4 0 R >>',
        stream(content),
    ] + font_dicts + [stream(cmap), stream(font, b'/Length1 %d ' % len(font))]
    pdf = b'%PDF-1.4\n'
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(pdf))
        pdf += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    xref = len(pdf)
    pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    pdf += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    with open(out, 'wb') as f:
        f.write(pdf)


def to_unicode(entries, width):
    code = b'<%02X>' if width == 1 else b'<%04X>'
    space = b'<00> <FF>' if width == 1 else b'<0000> <FFFF>'
    return (b'/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test-UCS def\n'
            b'/CMapType 2 def\n1 begincodespacerange\n' + space + b'\nendcodespacerange\n'
            b'%d beginbfchar\n' % len(entries) +
            b''.join(code % c + b' <%04X>\n' % u for c, u in sorted(entries.items())) +
            b'endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n')


DESCRIPTOR = (b'<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 1232] '
              b'/ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 /FontFile2 8 0 R >>')


def simple(font_path, out):
    font = open(font_path, 'rb').read()
    lines = [l.replace('Frysl\u0386n', 'Fryslan') for l in LINES]  # WinAnsi has no Greek
    content = b'BT /F1 11 Tf 72 700 Td 28 TL '
    for line in lines:
        content += b'(' + line.encode('cp1252').replace(b'(', b'\\(').replace(b')', b'\\)') + b") Tj T* "
    content += b'ET'
    wrong = {'\u2013': 0xB1, '\u2019': 0x27}  # as a re-saving library that misreads the encoding maps them
    used = {c for line in lines for c in line}
    entries = {c.encode('cp1252')[0]: wrong.get(c, ord(c)) for c in used}
    w = widths(font, glyph_ids(font))
    width_list = b' '.join(b'%d' % w.get(bytes([c]).decode('cp1252', 'replace'), 0) for c in range(32, 256))
    objs_font = [
        b'<< /Type /Font /Subtype /TrueType /BaseFont /DejaVuSans /Encoding /WinAnsiEncoding /FirstChar 32 '
        b'/LastChar 255 /Widths [' + width_list + b'] /FontDescriptor 6 0 R /ToUnicode 7 0 R >>',
        DESCRIPTOR,
    ]
    write_pdf(out, objs_font, content, to_unicode(entries, 1), font)


def unnamed(font_path, out):
    font = open(font_path, 'rb').read()
    ids = glyph_ids(font)
    content = b'BT /F1 11 Tf 72 700 Td 28 TL '
    for line in LINES:
        content += b'<' + b''.join(b'%04X' % ids[c] for c in line) + b"> Tj T* "
    content += b'ET'
    wrong = {'\u2013': 0xB1}  # the en dash mapped as mutool maps it
    missing = {'\u00eb', '\u0386'}
    used = {c for line in LINES for c in line} - missing
    write_pdf(out, [
        b'<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H '
        b'/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
        b'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) '
        b'/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 600 /CIDToGIDMap /Identity >>',
        DESCRIPTOR.replace(b'/FontFile2 8 0 R', b'/FontFile2 9 0 R'),
    ], content, to_unicode({ids[c]: wrong.get(c, ord(c)) for c in used}, 2), font)


if __name__ == '__main__':
    if len(sys.argv) == 5 and sys.argv[1] == 'cff':
        cff(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] in ('simple', 'unnamed'):
        (simple if sys.argv[1] == 'simple' else unnamed)(*sys.argv[2:])
    else:
        sys.exit(__doc__)
