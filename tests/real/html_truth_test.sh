#!/usr/bin/env bash
# HTML reader against the hand-checked truth: every truth JSON of the shared
# corpus is written as a page in the official HTML markup (truth_to_html.py),
# converted by the CLI and scored with ahscore. The pages say exactly what the
# truth says, so the bars are (almost) perfect.  Each page is also typeset as
# a clean PDF and read back.
# usage: html_truth_test.sh SOURCE_DIR BUILD_DIR
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
need_corpus "$shared/corpus/truth" "$shared/tools/ahscore"
for truth in "$shared/corpus/truth/"*.json; do
  if ! python3 "$src/tests/tools/truth_to_html.py" "$truth" "$tmp/$(basename "$truth" .json).html"; then
    echo "FAIL: truth_to_html.py $truth"
    exit 1
  fi
done
status=0
python3 "$shared/tools/ahscore" --conv "$build/tools/ahconv convert -f xml" \
  --min-struct 1.0 --min-notes 1.0 --min-text 1.0 --min-meta 1.0 \
  "$shared/corpus/truth" "$tmp/"*.html >"$tmp/ahscore.out" 2>&1
rc=$?
cat "$tmp/ahscore.out"
if [ "$rc" -ne 0 ]; then echo "FAIL: ahscore below the minimums for the HTML pages"; status=1; fi
if grep -q 'ERROR' "$tmp/ahscore.out"; then echo "FAIL: a page did not convert"; status=1; fi
# The same pages as clean PDFs: one paragraph per answer, so paragraphs run
# over pages and notes; they must read back to the same XML, from the XML
# they carry and from their pages (--no-embed).
for page in "$tmp/"*.html; do
  "$build/tools/ahconv" convert -o "$tmp/page.xml" "$page" &&
    "$build/tools/ahconv" convert -f pdf -o "$tmp/page.pdf" "$page" || { echo "FAIL: convert $page"; status=1; continue; }
  for read in "" --no-embed; do
    "$build/tools/ahconv" convert $read -o "$tmp/again.xml" "$tmp/page.pdf" || { echo "FAIL: convert $read $page"; status=1; continue; }
    # the publisher's record (registratie) travels in the embedded XML, not on the pages
    if ! diff <(grep -v '<bron ' "$tmp/page.xml" | without_registratie "$read" | sed 's/ pagina="[^"]*"//') \
              <(grep -v '<bron ' "$tmp/again.xml" | sed 's/ pagina="[^"]*"//') >"$tmp/diff"; then
      echo "FAIL: the clean PDF of $(basename "$page") reads back differently ${read:-from its embedded XML}"
      head -6 "$tmp/diff"; status=1
    fi
  done
done
[ "$status" -eq 0 ] && echo "html truth: all pages pass, and their clean PDFs read back the same"
exit "$status"
