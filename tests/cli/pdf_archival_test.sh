#!/usr/bin/env bash
# The clean PDF as an archival object, for the sample and (when ../shared is
# beside the checkout) every corpus rendition:
# - tagged, with XMP, the id in it, the sections in the structure tree, the
#   XML embedded and equal to the document's apart from bron and pagina, no
#   error or warning from qpdf --check (pdf_archival_check.py); body, notes
#   and footer in that order per page (pdf_text_check.py);
# - the same bytes on every run, and from the clean PDF itself;
# - read back from the embedded XML and from the pages (--no-embed): the
#   same XML byte for byte, and the document's apart from bron and pagina;
# - made with --no-embed: no embedded file, reads back the same;
# and, on the sample, a PDF whose embedded XML was edited or whose XMP names
# another ahconv version is read from its pages.
# usage: pdf_archival_test.sh AHCONV SOURCE_DIR [sample|corpus|all]
set -u
ahconv=$1
src=$2
PART=${3:-all}
. "$(dirname "$0")/../tools/lib.sh"
here="$src/tests/tools"
shared="$src/../shared"
documents=0
# $2 non-empty: without the publisher's record (registratie), which the
# embedded XML carries and no page prints.
strip_source() {
  grep -v '<bron ' "$1" | if [ -n "${2:-}" ]; then sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d'; else cat; fi |
    sed 's/ pagina="[^"]*"//'
}

check_document() {
  local doc=$1 name
  name=$(basename "$doc")
  documents=$((documents + 1))
  "$ahconv" convert -o "$tmp/original.xml" "$doc" || { fail "$name: convert"; return; }
  "$ahconv" convert -f pdf -o "$tmp/clean.pdf" "$doc" && "$ahconv" convert -f pdf -o "$tmp/again.pdf" "$doc" ||
    { fail "$name: convert -f pdf"; return; }
  cmp -s "$tmp/clean.pdf" "$tmp/again.pdf" || fail "$name: two runs give different bytes"
  # the clean PDF of the clean PDF: the same file
  "$ahconv" convert -f pdf -o "$tmp/again.pdf" "$tmp/clean.pdf" && cmp -s "$tmp/clean.pdf" "$tmp/again.pdf" ||
    fail "$name: the clean PDF of its clean PDF differs"
  python3 "$here/pdf_archival_check.py" "$tmp/clean.pdf" "$tmp/original.xml" >"$tmp/check.out" ||
    { fail "$name: pdf_archival_check"; cat "$tmp/check.out"; }
  python3 "$here/pdf_text_check.py" "$tmp/clean.pdf" "$tmp/original.xml" >"$tmp/check.out" ||
    { fail "$name: pdf_text_check"; cat "$tmp/check.out"; }
  "$ahconv" convert -o "$tmp/embedded.xml" "$tmp/clean.pdf" &&
    "$ahconv" convert --no-embed -o "$tmp/pages.xml" "$tmp/clean.pdf" || { fail "$name: convert the clean PDF"; return; }
  diff <(sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d' "$tmp/embedded.xml") "$tmp/pages.xml" >"$tmp/diff" ||
    { fail "$name: the embedded XML and the pages read differently"; head -6 "$tmp/diff"; }
  diff <(strip_source "$tmp/original.xml") <(strip_source "$tmp/embedded.xml") >"$tmp/diff" ||
    { fail "$name: the clean PDF reads back differently"; head -6 "$tmp/diff"; }
  "$ahconv" convert -f pdf --no-embed -o "$tmp/bare.pdf" "$doc" || { fail "$name: convert -f pdf --no-embed"; return; }
  python3 "$here/pdf_archival_check.py" "$tmp/bare.pdf" "$tmp/original.xml" --no-embed >"$tmp/check.out" ||
    { fail "$name: pdf_archival_check --no-embed"; cat "$tmp/check.out"; }
  "$ahconv" convert -o "$tmp/bare.xml" "$tmp/bare.pdf" &&
    diff <(strip_source "$tmp/original.xml" no-record) <(strip_source "$tmp/bare.xml") >"$tmp/diff" ||
    { fail "$name: the clean PDF without embedded XML reads back differently"; head -6 "$tmp/diff"; }
}

# $2 = $1 with the sed expression $3 applied to its uncompressed form (qpdf
# --qdf; fix-qdf mends lengths and offsets after the edit).
edit() {
  qpdf --qdf --object-streams=disable "$1" "$tmp/qdf.pdf" && LC_ALL=C sed "$3" "$tmp/qdf.pdf" | fix-qdf >"$2"
}

# $2 = $1 with its embedded XML edited by sed expression $3 and the XMP's
# checksum made to match the edited XML.
edit_xml() {
  local old new
  edit "$1" "$tmp/step.pdf" "$3" && rm -f "$tmp/x.xml" && pdfdetach -save 1 -o "$tmp/x.xml" "$tmp/step.pdf" >/dev/null || return 1
  old=$(pdfinfo -meta "$1" | sed -n 's#.*<ahconv:xmlSha256>\(.*\)</ahconv:xmlSha256>.*#\1#p')
  new=$(sha256sum <"$tmp/x.xml" | cut -d' ' -f1)
  [ -n "$old" ] && edit "$tmp/step.pdf" "$2" "s#$old#$new#"
}

# Which the reader took: "embedded" when the output has the edited label.
reads() {
  "$ahconv" convert -o "$tmp/read.xml" "$1" || { echo "error"; return; }
  if grep -q '<label>Vraag 7</label>' "$tmp/read.xml"; then echo embedded; else echo pages; fi
}

expect() {
  local got
  got=$(reads "$1")
  if [ "$got" = "$2" ]; then echo "ok: $3: read from the $2"; else fail "$3: read from the $got, not the $2"; fi
}

check_fallback() {
  local label='s#<label>Vraag 1</label>#<label>Vraag 7</label>#'
  "$ahconv" convert -f pdf -o "$tmp/sample.pdf" "$1" || { fail "fallback: setup"; return; }
  # edited XML, checksum updated: trusted (the positive control)
  edit_xml "$tmp/sample.pdf" "$tmp/trusted.pdf" "$label" || { fail "fallback: could not edit"; return; }
  expect "$tmp/trusted.pdf" embedded "embedded XML with its checksum"
  # edited XML, old checksum
  edit "$tmp/sample.pdf" "$tmp/stale.pdf" "$label" && expect "$tmp/stale.pdf" pages "embedded XML edited after its checksum"
  # the XMP names another version
  edit "$tmp/trusted.pdf" "$tmp/other.pdf" 's#<xmp:CreatorTool>ahconv [0-9.]*<#<xmp:CreatorTool>ahconv 9.9.9<#' &&
    expect "$tmp/other.pdf" pages "XMP naming another ahconv version"
  # the XML's bron names another version (checksum updated)
  edit_xml "$tmp/trusted.pdf" "$tmp/other.pdf" 's#converter="ahconv [0-9.]*"#converter="ahconv 9.9.9"#' &&
    expect "$tmp/other.pdf" pages "bron naming another ahconv version"
  # --no-embed reads the pages of a file it could trust
  "$ahconv" convert --no-embed -o "$tmp/read.xml" "$tmp/trusted.pdf" && grep -q '<label>Vraag 1</label>' "$tmp/read.xml" &&
    echo "ok: --no-embed reads the pages" || fail "--no-embed read the embedded XML"
}

if [ "$PART" != corpus ]; then
  check_document "$src/samples/ah-tk-20252026-9999.pdf"
  check_document "$src/samples/ah-tk-20252026-9999.html"
  check_fallback "$src/samples/ah-tk-20252026-9999.pdf"
fi
if [ "$PART" != sample ] && need_corpus "$shared/corpus/pdf" "$shared/corpus/html"; then
  for doc in "$shared/corpus/pdf/"*.pdf "$shared/corpus/html/"*.html; do check_document "$doc"; done
fi
echo "pdf_archival_test: $documents documents, $failures failed"
[ "$failures" -eq 0 ]
