#!/usr/bin/env bash
# The sample document's two renditions (PDF and HTML) against each other and
# against altered copies: `ahconv verify A B` must report each change, and
# `ahconv verify X` each inconsistency; `convert` of both renditions must give
# the same XML apart from bron and pagina; -o X.gz writes gzip.
# usage: verify_test.sh AHCONV SAMPLE.pdf SAMPLE.html
set -u
ahconv=$1
pdf=$2
html=$3
. "$(dirname "$0")/../tools/lib.sh"

# expect NAME WANT_STATUS WANT_OUTPUT_FILE -- COMMAND...
expect() {
  local name=$1 want_rc=$2 want=$3
  shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$want_rc" ]; then fail "$name: exit $rc, wanted $want_rc"; cat "$tmp/out" "$tmp/err"; return; fi
  if ! diff -u "$want" "$tmp/out"; then fail "$name: output differs"; return; fi
  pass "$name"
}

# bron, registratie (the publisher's record, in the HTML head only) and pagina differ
strip_source() { grep -v '<bron ' "$1" | sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d' | sed 's/ pagina="[^"]*"//'; }

# 1. the same document from both renditions
"$ahconv" convert -o "$tmp/pdf.xml" "$pdf" && "$ahconv" convert -o "$tmp/html.xml" "$html" || fail "convert"
if diff <(strip_source "$tmp/pdf.xml") <(strip_source "$tmp/html.xml") >"$tmp/tree.diff"; then
  pass "PDF and HTML give the same tree"
else
  fail "PDF and HTML trees differ"; head -20 "$tmp/tree.diff"
fi
: >"$tmp/empty"
expect "verify PDF" 0 "$tmp/empty" -- "$ahconv" verify "$pdf"
expect "verify HTML" 0 "$tmp/empty" -- "$ahconv" verify "$html"
expect "verify PDF against HTML" 0 "$tmp/empty" -- "$ahconv" verify "$pdf" "$html"

# 2. a copy with one word changed, note 3 dropped, Vraag 4 renumbered 6
python3 - "$html" "$tmp/changed.html" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
old = 'het bericht «Nieuwe sluizen vertraagd» en met'
assert s.count(old) == 1
s = s.replace(old, 'het bericht «Nieuwe sluizen versneld» en met')
s, n = re.subn(r'<div class="voet noot[^>]*-d3">.*?</div>', '', s, flags=re.S)
assert n == 1
assert s.count('>Vraag 4</h2>') == 1
s = s.replace('>Vraag 4</h2>', '>Vraag 6</h2>')
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
ab="$pdf vs $tmp/changed.html"
cat >"$tmp/want" <<OUT
$ab: Vraag 1: text differs at word 9: A has "… bericht «Nieuwe sluizen [vertraagd»] en met het …", B has "… bericht «Nieuwe sluizen [versneld»] en met het …"
$ab: Vraag 4: only in A
$ab: Vraag 6: only in B
$ab: noot 3: only in A
OUT
expect "verify reports the changed word, the renumbered question, the dropped note" 1 "$tmp/want" -- \
  "$ahconv" verify "$pdf" "$tmp/changed.html"
cat >"$tmp/want" <<OUT
$tmp/changed.html: vraag: number 4 missing (numbers run to 6)
$tmp/changed.html: Vraag 6: no antwoord for vraag 6
$tmp/changed.html: Antwoord 4: no vraag 4 for this antwoord
$tmp/changed.html: Antwoord 4: marker 3 has no note
$tmp/changed.html: noten: note number 3 missing (numbers run to 4)
OUT
expect "verify of one rendition finds the gap, the orphans and the lost note" 1 "$tmp/want" -- \
  "$ahconv" verify "$tmp/changed.html"

# 3. a note no marker refers to, a duplicated number, a missing id and date
python3 - "$html" "$tmp/broken.html" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
s, n = re.subn(r'<a class="nootnum[^>]*-d4">4</a>', '', s)
assert n == 1
s = re.sub(r'<meta name="DC.identifier"[^>]*/>', '', s)
s = s.replace('(ingezonden 3 september 2025)', '(ingezonden)')
s = s.replace('>Antwoord 5</h2>', '>Antwoord 4</h2>')
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
cat >"$tmp/want" <<OUT
$tmp/broken.html: aanhangsel: no publication id
$tmp/broken.html: omschrijving vraag: no date of sending in (ingezonden)
$tmp/broken.html: Antwoord 4: antwoord number 4 appears twice
$tmp/broken.html: Vraag 5: no antwoord for vraag 5
$tmp/broken.html: noot 4: no marker refers to this note
OUT
expect "verify finds a missing id and date, a duplicate, an unreferenced note" 1 "$tmp/want" -- \
  "$ahconv" verify "$tmp/broken.html"

# 4. usage and unusable input: exit 2, one line naming the file
expect "verify without input" 2 "$tmp/empty" -- "$ahconv" verify
printf 'not a document' >"$tmp/junk.pdf"
expect "verify of junk" 2 "$tmp/empty" -- "$ahconv" verify "$tmp/junk.pdf" "$html"
if [ "$(cat "$tmp/err")" = "ahconv: $tmp/junk.pdf: not a PDF, HTML or publisher XML document" ]; then pass "junk named"; else fail "junk message: $(cat "$tmp/err")"; fi

# 5. -o X.gz: gzip output, the same bytes every time, the same XML inside
"$ahconv" convert -o "$tmp/out.xml.gz" "$html" && cp "$tmp/out.xml.gz" "$tmp/first.gz" &&
  "$ahconv" convert -o "$tmp/out.xml.gz" "$html" || fail "convert to .gz"
if cmp -s "$tmp/first.gz" "$tmp/out.xml.gz" && gzip -dc "$tmp/out.xml.gz" | cmp -s - "$tmp/html.xml"; then
  pass "-o X.gz writes reproducible gzip of the same XML"
else
  fail "-o X.gz"
fi

echo "verify_test: $failures failed"
[ "$failures" -eq 0 ]
