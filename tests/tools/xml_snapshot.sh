#!/usr/bin/env bash
# Writes the XML ahconv gives for every document it can reach into OUTDIR, one
# file per input and path: the corpus PDFs, HTML and publisher XML, their
# pdftohtml previews, the truth-built official pages and publisher XML, the clean PDFs of all of these read back,
# and the samples.  Run it with two builds and `diff -r` the folders to show
# that a change leaves every output byte-identical (the re-cut of issue 9 was
# checked this way).  Data from ../shared is written only to OUTDIR.
# usage: xml_snapshot.sh AHCONV OUTDIR
set -u
ahconv=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$(dirname "$here")")
shared="$src/../shared"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$src/samples/"*.pdf "$src/samples/"*.html)
if [ -d "$shared/corpus" ]; then
  inputs+=("$shared/corpus/pdf/"*.pdf "$shared/corpus/html/"*.html)
  for truth in "$shared/corpus/truth/"*.json; do
    python3 "$here/truth_to_html.py" "$truth" "$tmp/truth-$(basename "$truth" .json).html"
    inputs+=("$tmp/truth-$(basename "$truth" .json).html")
  done
  # the publisher's XML, and publisher XML built from the truth (with lists)
  inputs+=("$shared/corpus/official-xml/"*[0-9].xml)
  for truth in "$shared/corpus/truth/"*.json; do
    python3 "$here/truth_to_xml.py" "$truth" "$tmp/truth-$(basename "$truth" .json).xml"
    inputs+=("$tmp/truth-$(basename "$truth" .json).xml")
  done
  if command -v pdftohtml >/dev/null; then
    for pdf in "$shared/corpus/pdf/"*.pdf "$src/samples/"*.pdf; do
      pdftohtml -q -stdout -i -noframes "$pdf" >"$tmp/preview-$(basename "$pdf" .pdf).html"
      inputs+=("$tmp/preview-$(basename "$pdf" .pdf).html")
    done
  fi
else
  echo "note: $shared/corpus not found; only the samples are written" >&2
fi
n=0
for doc in "${inputs[@]}"; do
  name=$(basename "$doc")
  "$ahconv" convert -o "$out/$name.xml" "$doc" 2>"$out/$name.err" || echo "exit $?" >>"$out/$name.err"
  if "$ahconv" convert -f pdf -o "$tmp/clean.pdf" "$doc" 2>>"$out/$name.err"; then
    "$ahconv" convert -o "$out/$name.clean.xml" "$tmp/clean.pdf" 2>>"$out/$name.err"
  fi
  "$ahconv" verify "$doc" 2>&1 | sed "s#^$(dirname "$doc")/##" >"$out/$name.verify"
  echo "exit ${PIPESTATUS[0]}" >>"$out/$name.verify"
  n=$((n + 1))
done
echo "$n inputs written to $out"
