#!/usr/bin/env bash
# Clean PDF output of the sample document, from its PDF and from its HTML:
# valid for qpdf, read back to the same XML (apart from bron and pagina) from
# its embedded XML and from its pages (--no-embed), the same bytes on
# every run, what pdfinfo and pdftotext show (pdf_text_check.py), and bad
# input or output failing without leaving a file.
# usage: pdf_output_test.sh AHCONV SAMPLE.pdf SAMPLE.html
set -u
ahconv=$1
pdf=$2
html=$3
here=$(dirname "$0")
. "$(dirname "$0")/../tools/lib.sh"
# bron, registratie (the publisher's record: a clean PDF does not carry it) and pagina differ
# $2 non-empty: without the publisher's record (registratie), which the
# embedded XML carries and no page prints.
strip_source() {
  grep -v '<bron ' "$1" | if [ -n "${2:-}" ]; then sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d'; else cat; fi |
    sed 's/ pagina="[^"]*"//'
}

for input in "$pdf" "$html"; do
  name=$(basename "$input")
  if ! "$ahconv" convert -f pdf -o "$tmp/clean.pdf" "$input"; then fail "$name: convert -f pdf"; continue; fi
  if qpdf --check "$tmp/clean.pdf" >"$tmp/qpdf.out" 2>&1 && ! grep -q WARNING "$tmp/qpdf.out"; then
    pass "$name: qpdf --check finds nothing"
  else
    fail "$name: qpdf --check: $(tail -3 "$tmp/qpdf.out")"
  fi
  for read in "" --no-embed; do
    "$ahconv" convert -o "$tmp/original.xml" "$input" && "$ahconv" convert $read -o "$tmp/again.xml" "$tmp/clean.pdf" ||
      fail "$name: convert back $read"
    if diff <(strip_source "$tmp/original.xml" "$read") <(strip_source "$tmp/again.xml") >"$tmp/diff"; then
      pass "$name: the clean PDF reads back to the same XML ${read:-from its embedded XML}"
    else
      fail "$name: the clean PDF reads back differently ${read:-from its embedded XML}"; head -20 "$tmp/diff"
    fi
  done
  if python3 "$here/../tools/pdf_text_check.py" "$tmp/clean.pdf" "$tmp/original.xml"; then
    pass "$name: pdfinfo, pdftotext, outline and links"
  else
    fail "$name: pdf_text_check"
  fi
  "$ahconv" convert -f pdf "$input" >"$tmp/stdout.pdf" || fail "$name: -f pdf to standard output"
  if cmp -s "$tmp/clean.pdf" "$tmp/stdout.pdf"; then pass "$name: same bytes every time"; else fail "$name: output differs between runs"; fi
done

# the title and author exactly
if [ "$(pdfinfo "$tmp/clean.pdf" | sed -n 's/^Title: *//p')" = "Aanhangsel van de Handelingen, Tweede Kamer 2025–2026, nr. 9999: het bericht «Nieuwe sluizen vertraagd»" ] &&
   [ "$(pdfinfo "$tmp/clean.pdf" | sed -n 's/^Author: *//p')" = "Jansen, De Vries-van Dam" ]; then
  pass "pdfinfo: title and author"
else
  fail "pdfinfo: $(pdfinfo "$tmp/clean.pdf" | grep -E '^(Title|Author)')"
fi

# gzip output
"$ahconv" convert -f pdf -o "$tmp/clean.pdf.gz" "$pdf" && "$ahconv" convert -f pdf "$pdf" >"$tmp/stdout.pdf" &&
  gzip -dc "$tmp/clean.pdf.gz" | cmp -s - "$tmp/stdout.pdf" &&
  pass "-f pdf -o X.pdf.gz" || fail "-f pdf -o X.pdf.gz"

# bad input and unwritable output: exit 2, one line naming the file, no file
printf '%%PDF-1.4\nbroken' >"$tmp/bad.pdf"
printf 'keep me\n' >"$tmp/kept.pdf"
"$ahconv" convert -f pdf -o "$tmp/kept.pdf" "$tmp/bad.pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -qF "ahconv: $tmp/bad.pdf: " "$tmp/err" &&
   [ "$(cat "$tmp/kept.pdf")" = "keep me" ] && ! ls "$tmp"/kept.pdf.tmp.* >/dev/null 2>&1; then
  pass "bad input: $(cat "$tmp/err"); existing output kept"
else
  fail "bad input: exit $rc: $(cat "$tmp/err")"
fi
"$ahconv" convert -f pdf -o "$tmp/no/such/dir/out.pdf" "$pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && grep -qF "ahconv: $tmp/no/such/dir/out.pdf: cannot write" "$tmp/err"; then
  pass "unwritable output: $(cat "$tmp/err")"
else
  fail "unwritable output: exit $rc: $(cat "$tmp/err")"
fi

# verify reads a clean PDF's pages too: the embedded XML is a claim about
# them.  The clean PDF itself passes; a copy whose second page is the first
# again (catalog, XMP and embedded XML kept by qpdf: its pages now hold two
# mastheads, a bundle) is named, exit 1.
"$ahconv" convert -f pdf -o "$tmp/clean.pdf" "$pdf" && "$ahconv" verify "$tmp/clean.pdf" >"$tmp/out"; rc=$?
[ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && pass "verify clean PDF: pages agree with the embedded XML" ||
  fail "verify clean PDF: exit $rc: $(head -3 "$tmp/out")"
qpdf "$tmp/clean.pdf" --pages "$tmp/clean.pdf" 1,1 -- "$tmp/twice.pdf"
"$ahconv" verify "$tmp/twice.pdf" >"$tmp/out"; rc=$?
if [ "$rc" -eq 1 ] && grep -qF "$tmp/twice.pdf: aanhangsel: the printed pages of the clean PDF do not read: holds 2 documents: ah-tk-20252026-9999 (page 1), ah-tk-20252026-9999 (page 2)" "$tmp/out"; then
  pass "verify clean PDF: a page that differs from the embedded XML is named"
else
  fail "verify clean PDF with a page changed: exit $rc: $(head -3 "$tmp/out")"
fi

# a copy whose second page draws nothing (its content stream blanked in
# place; catalog, XMP and embedded XML as they were): the questions that
# page printed are named as missing from the pages
qpdf --qdf --object-streams=disable "$tmp/clean.pdf" "$tmp/qdf.pdf"
python3 - "$tmp/qdf.pdf" "$tmp/blank2.pdf" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
i = d.index(b'%% Contents for page 2')
s = d.index(b'stream\n', i) + len(b'stream\n')
e = d.index(b'endstream', s)
open(sys.argv[2], 'wb').write(d[:s] + b' ' * (e - s) + d[e:])
PY
"$ahconv" verify "$tmp/blank2.pdf" >"$tmp/out"; rc=$?
if [ "$rc" -eq 1 ] && grep -qF "$tmp/blank2.pdf: Vraag 4: the printed pages differ from the embedded XML: only in A" "$tmp/out"; then
  pass "verify clean PDF: a page that prints less than the embedded XML holds is named"
else
  fail "verify clean PDF with page 2 blank: exit $rc: $(head -3 "$tmp/out")"
fi

echo "pdf_output_test: $failures failed"
[ "$failures" -eq 0 ]
