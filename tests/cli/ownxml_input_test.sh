#!/usr/bin/env bash
# ahconv's own XML as an input (an archive keeping the XML as its
# preservation master): from stored.xml, `convert -f pdf|json|text|xml`
# gives what the original rendition gives — the clean PDF, the text and the
# XML byte for byte; the JSON too but for the `pagina` of what the XML does
# not record the pages of (omschrijvingen, note markers: a PDF original's;
# each section's and note's pages are compared) — for the sample's PDF and HTML, generated documents and,
# when ../shared is there, every corpus document.  The XML is read like
# any XML nobody vouches for: a DTD (with an entity), another namespace or
# an attribute ahconv does not write is refused with one line, exit 2.
# usage: ownxml_input_test.sh AHCONV AHGEN SAMPLES_DIR [SHARED_CORPUS]
set -u
ahconv=$1
ahgen=$2
samples=$3
corpus=${4:-}
. "$(dirname "$0")/../tools/lib.sh"

"$ahgen" --seed 40 --count 3 --out "$tmp/gen" >/dev/null || { echo "FAIL: ahgen"; exit 1; }
inputs=("$samples/ah-tk-20252026-9999.pdf" "$samples/ah-tk-20252026-9999.html" "$tmp"/gen/gen-*.pdf)
if [ -n "$corpus" ] && [ -d "$corpus/pdf" ]; then
  inputs+=("$corpus"/pdf/*.pdf "$corpus"/html/*.html "$corpus"/official-xml/ah-tk-20202021-3235.xml)
else
  echo "note: no corpus; the sample and generated documents only"
fi
# JSON equal but for `pagina` below the sections and notes (the XML records
# the pages of each section and note, not of what is inside them)
json_same() {
  python3 - "$1" "$2" <<'PY'
import json, sys
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if k != 'pagina'}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
def pages(d):
    return [x.get('pagina') for k in ('secties', 'noten') for x in d.get(k) or []]
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if strip(a) == strip(b) and pages(a) == pages(b) else 1)
PY
}
same=0
for in in "${inputs[@]}"; do
  "$ahconv" convert "$in" -o "$tmp/stored.xml" 2>/dev/null || { fail "$in: no XML"; continue; }
  ok=1
  for f in pdf text xml json; do
    "$ahconv" convert -f "$f" "$in" -o "$tmp/orig.$f" 2>/dev/null
    if ! "$ahconv" convert -f "$f" "$tmp/stored.xml" -o "$tmp/own.$f" 2>"$tmp/err"; then
      ok=0; fail "$(basename "$in") -f $f from its XML: $(cat "$tmp/err")"; continue
    fi
    if [ "$f" = json ]; then json_same "$tmp/orig.json" "$tmp/own.json" || { ok=0; fail "$(basename "$in"): JSON differs"; }
    else cmp -s "$tmp/orig.$f" "$tmp/own.$f" || { ok=0; fail "$(basename "$in"): -f $f differs"; }; fi
  done
  same=$((same + ok))
done
[ "$same" -eq "${#inputs[@]}" ] && pass "own XML -> PDF, text, XML, JSON as from the original: $same of ${#inputs[@]} documents"

# hostile: a DTD with an entity, another namespace, an attribute ahconv does not write
"$ahconv" convert "$samples/ah-tk-20252026-9999.html" -o "$tmp/s.xml"
sed 's#^<aanhangsel #<!DOCTYPE aanhangsel [<!ENTITY x "boom">]>\n<aanhangsel #' "$tmp/s.xml" >"$tmp/dtd.xml"
sed 's#urn:ahconv:aanhangsel:1#urn:other#' "$tmp/s.xml" >"$tmp/ns.xml"
sed 's#<vraag #<vraag extra="1" #' "$tmp/s.xml" >"$tmp/attr.xml"
for bad in dtd ns attr; do
  "$ahconv" convert -f text "$tmp/$bad.xml" -o "$tmp/out.txt" 2>"$tmp/err"
  rc=$?
  want="ahconv: $tmp/$bad.xml: ahconv XML: not exactly ahconv's vocabulary (an element, attribute, text, comment or DTD it does not write)"
  if [ "$rc" -eq 2 ] && [ "$(cat "$tmp/err")" = "$want" ] && [ ! -e "$tmp/out.txt" ]; then
    pass "$bad: refused, exit 2, no output"
  else
    fail "$bad: exit $rc, $(cat "$tmp/err")"
  fi
done
echo "ownxml_input_test: $failures failed"
[ "$failures" -eq 0 ]
