#!/usr/bin/env bash
# Real documents: every corpus PDF through the CLI and through the library's
# memory interface, scored against the hand-checked truth with ahscore, and
# every XML validated against the schema.
# usage: corpus_test.sh SOURCE_DIR BUILD_DIR
# Exit 77 (ctest: skipped) when ../shared is not beside the checkout, 1 with
# AHCONV_REQUIRE_CORPUS=1 (tests/tools/lib.sh).
set -u
# The publisher's record (registratie) is printed on no page: reading the
# clean PDF's pages (--no-embed) cannot give it back.
without_registratie() {
  if [ -n "$1" ]; then sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d'; else cat; fi
}
src=$1
build=$2
shared="$src/../shared"
PART=corpus
. "$(dirname "$0")/../tools/lib.sh"
need_corpus "$shared/corpus/pdf" "$shared/corpus/html" "$shared/tools/ahscore"
# Minimums: the aggregate the converter reaches today, so a regression fails.
# The PDFs, the HTML and the clean PDFs score 1.000 on every measure.
mins=(--min-struct 1.0 --min-text 1.0 --min-notes 1.0 --min-meta 1.0)
# A pdftohtml preview has lost what position and type size said: one
# beantwoorder (1949, an accent drawn apart) and a few characters of text
# (1178) are not recovered from it.
preview_mins=(--min-struct 1.0 --min-text 0.9999 --min-notes 1.0 --min-meta 0.99)
status=0
for conv in "$build/tools/ahconv convert -f xml" "$build/tests/lib_xml"; do
  echo "== $conv"
  python3 "$shared/tools/ahscore" --conv "$conv" "${mins[@]}" "$shared/corpus/truth" "$shared/corpus/pdf/"*.pdf >"$build/ahscore.out" 2>&1
  rc=$?
  cat "$build/ahscore.out"
  if [ "$rc" -ne 0 ]; then echo "FAIL: ahscore below the minimums for $conv"; status=1; fi
  if grep -q 'ERROR' "$build/ahscore.out"; then echo "FAIL: a document did not convert"; status=1; fi
done
# The official HTML renditions: the gate of the HTML issue.
echo "== HTML renditions"
if ! python3 "$shared/tools/ahscore" --conv "$build/tools/ahconv convert -f xml" "${mins[@]}" \
    "$shared/corpus/truth" "$shared/corpus/html/"*.html; then
  echo "FAIL: ahscore below the minimums for the HTML renditions"
  status=1
fi
# A document published as PDF and HTML: one tree from both, apart from
# bron and pagina, and `verify A B` finds no difference.
for html in "$shared/corpus/html/"*.html; do
  pdf="$shared/corpus/pdf/$(basename "$html" .html).pdf"
  [ -f "$pdf" ] || continue
  # the HTML head carries the publisher's record (registratie), the PDF does not
  strip() { "$build/tools/ahconv" convert "$1" | grep -v '<bron ' | without_registratie always | sed 's/ pagina="[^"]*"//'; }
  if ! diff <(strip "$pdf") <(strip "$html") >"$tmp/tree.diff"; then
    echo "FAIL: $(basename "$pdf") and $(basename "$html") give different trees"; head -20 "$tmp/tree.diff"; status=1
  fi
  if ! "$build/tools/ahconv" verify "$pdf" "$html"; then echo "FAIL: verify $pdf $html"; status=1; fi
done
# pdftohtml previews of the corpus PDFs (made here, never stored): markup
# without classes, one <br/> per printed line, through textlines.c.  Same
# minimums as the PDFs.
if command -v pdftohtml >/dev/null; then
  echo "== pdftohtml previews"
  mkdir -p "$tmp/previews"
  for pdf in "$shared/corpus/pdf/"*.pdf; do
    pdftohtml -q -stdout -i -noframes "$pdf" >"$tmp/previews/$(basename "$pdf" .pdf).html"
  done
  if ! python3 "$shared/tools/ahscore" --conv "$build/tools/ahconv convert -f xml" "${preview_mins[@]}" \
      "$shared/corpus/truth" "$tmp/previews/"*.html; then
    echo "FAIL: ahscore below the minimums for the pdftohtml previews"
    status=1
  fi
else
  echo "SKIP previews: pdftohtml not found (Debian package poppler-utils)"
fi
# Clean PDFs (convert -f pdf) of every corpus rendition: valid for qpdf (no
# error, no warning), read back to the same XML apart from bron and pagina
# both from the XML they carry and from their pages (--no-embed), scored like
# the originals (from their pages), and checked for what pdfinfo and pdftotext
# show.
echo "== clean PDFs"
mkdir -p "$tmp/clean"
for doc in "$shared/corpus/pdf/"*.pdf "$shared/corpus/html/"*.html; do
  name=$(basename "$doc")
  clean="$tmp/clean/${name%.*}.${name##*.}.pdf"
  if ! "$build/tools/ahconv" convert -f pdf -o "$clean" "$doc"; then echo "FAIL: convert -f pdf $doc"; status=1; continue; fi
  if ! qpdf --check "$clean" >"$tmp/qpdf.out" 2>&1 || grep -q WARNING "$tmp/qpdf.out"; then
    echo "FAIL: qpdf --check on the clean PDF of $name"; tail -5 "$tmp/qpdf.out"; status=1
  fi
  "$build/tools/ahconv" convert -o "$tmp/original.xml" "$doc"
  for read in "" --no-embed; do
    "$build/tools/ahconv" convert $read -o "$tmp/clean.xml" "$clean"
    # the publisher's record (registratie) travels in the embedded XML, not on the pages
    if ! diff <(grep -v '<bron ' "$tmp/original.xml" | without_registratie "$read" | sed 's/ pagina="[^"]*"//') \
              <(grep -v '<bron ' "$tmp/clean.xml" | sed 's/ pagina="[^"]*"//') >"$tmp/clean.diff"; then
      echo "FAIL: the clean PDF of $name reads back differently ${read:-from its embedded XML}"
      head -10 "$tmp/clean.diff"; status=1
    fi
  done
  python3 "$src/tests/tools/pdf_text_check.py" "$clean" "$tmp/original.xml" >"$tmp/check.out" || {
    echo "FAIL: pdf_text_check $name"; cat "$tmp/check.out"; status=1; }
done
# scored: the clean PDFs of the PDF renditions and of the HTML renditions
n_clean=$(ls "$tmp/clean/"*.pdf.pdf "$tmp/clean/"*.html.pdf | wc -l)
echo "== clean PDFs scored: $n_clean"
if [ "$n_clean" -ne $(( $(ls "$shared/corpus/pdf/"*.pdf "$shared/corpus/html/"*.html | wc -l) )) ] ||
   ! python3 "$shared/tools/ahscore" --conv "$build/tools/ahconv convert --no-embed -f xml" "${mins[@]}" \
    "$shared/corpus/truth" "$tmp/clean/"*.pdf.pdf "$tmp/clean/"*.html.pdf; then
  echo "FAIL: ahscore below the minimums for the clean PDFs (of the PDF and the HTML renditions)"
  status=1
fi
# Every corpus rendition is complete and consistent.
for doc in "$shared/corpus/pdf/"*.pdf "$shared/corpus/html/"*.html; do
  if ! "$build/tools/ahconv" verify "$doc"; then echo "FAIL: verify $doc"; status=1; fi
done
for pdf in "$shared/corpus/pdf/"*.pdf; do
  "$build/tools/ahconv" convert -o "$tmp/$(basename "$pdf" .pdf).xml" "$pdf" || status=1
done
if ! "$src/tests/tools/validate_xml.sh" "$src/schema/aanhangsel.rng" "$tmp"/*.xml; then
  echo "FAIL: schema validation"
  status=1
fi
[ "$status" -eq 0 ] && echo "corpus: all documents pass"
exit "$status"
