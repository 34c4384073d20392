#!/usr/bin/env bash
# The findings reports: `verify --html` of a PDF against an altered HTML copy
# (one word changed, a note dropped, a question renumbered) must hold every
# finding with its words marked and the PDF's page as an embedded image,
# pass `xmllint --html`, ask for nothing over the network, and keep document
# text from ever becoming markup; a clean document says so; `batch --html`
# writes OUTDIR/ahconv-report.html; `convert --positions` validates.
# The project's sample is the sample part; the corpus document
# ah-tk-20202021-3235 the corpus part (tools/lib.sh: skipped without
# ../shared; it has no notes: there a word changed and a question renumbered).
# usage: report_test.sh AHCONV SOURCE_DIR [sample|corpus|all]
set -u
ahconv=$1
src=$2
PART=${3:-all}
. "$(dirname "$0")/../tools/lib.sh"
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }
count() { grep -o -- "$1" "$2" | wc -l; }

# no request leaves the page: no external source, style sheet or import
offline() {
  ! grep -E -q 'src="https?:|href="https?:|<link|@import|url\(' "$1"
}

# alter HTML SRC into DST: python3 alter.py SRC DST OLD NEW [NOTE] [FROM TO]
cat >"$tmp/alter.py" <<'PY'
import re, sys
src, dst, old, new = sys.argv[1:5]
s = open(src, encoding='utf-8').read()
assert s.count(old) == 1, old
s = s.replace(old, new)
if len(sys.argv) > 5 and sys.argv[5]:
    s, n = re.subn(r'<div class="voet noot[^>]*-d%s">.*?</div>' % sys.argv[5], '', s, flags=re.S)
    assert n == 1
if len(sys.argv) > 7:
    s, n = re.subn(r'(</a>)Vraag %s(\s*</h2>)' % sys.argv[6], r'\1Vraag %s\2' % sys.argv[7], s)
    if n == 0:
        s, n = re.subn(r'>Vraag %s</h2>' % sys.argv[6], '>Vraag %s</h2>' % sys.argv[7], s)
    assert n == 1
open(dst, 'w', encoding='utf-8').write(s)
PY

# report NAME PDF HTML OLD NEW NOTE FROM TO WANT_FINDINGS WORD_A WORD_B
report() {
  local name=$1 pdf=$2 html=$3 old=$4 new=$5 note=$6 from=$7 to=$8 want=$9 word_a=${10} word_b=${11}
  local out="$tmp/$name.html" changed="$tmp/$name-changed.html"
  python3 "$tmp/alter.py" "$html" "$changed" "$old" "$new" "$note" "$from" "$to" || { fail "$name: alter"; return; }
  "$ahconv" verify --html "$out" "$pdf" "$changed" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  check "$name: verify exits 1 and writes the report" "[ $rc -eq 1 ] && [ -s '$out' ] && [ ! -s '$tmp/$name.err' ]"
  check "$name: xmllint --html finds nothing" "xmllint --html --noout '$out' 2>'$tmp/lint' && [ ! -s '$tmp/lint' ]"
  check "$name: no external request" "offline '$out' && ! grep -q '<script' '$out'"
  check "$name: $want findings in the summary" "grep -q '<dt>Findings</dt><dd>$want</dd>' '$out'"
  check "$name: one section per finding" "[ \$(count 'class=\"finding\"' '$out') -eq $want ]"
  while IFS= read -r line; do
    local element=${line#*: } && element=${element%%: *}
    check "$name: finding $element in the report" "grep -q '</span> $element <span class=\"cls\">' '$out'"
  done < <(sed "s|^.* vs $changed: ||; s|^|x: |" "$tmp/$name.out")
  check "$name: A's word marked" "grep -q '<strong class=\"d\">$word_a</strong>' '$out'"
  check "$name: B's word marked" "grep -q '<strong class=\"d\">$word_b</strong>' '$out'"
  # the text finding (the first) shows page 1 of the PDF with the word filled
  check "$name: page image embedded in the text finding" \
    "sed -n '/id=\"f1\"/,/id=\"f2\"/p' '$out' | grep -q '<img src=\"data:image/png;base64,[A-Za-z0-9+/=]\{200,\}\" width=\"[0-9]*\" height=\"[0-9]*\" alt=\"Printed page [0-9]* of rendition A around this text; the differing words are filled and outlined\"'"
}

if [ "$PART" != corpus ]; then
sample_pdf=$src/samples/ah-tk-20252026-9999.pdf
sample_html=$src/samples/ah-tk-20252026-9999.html
report sample "$sample_pdf" "$sample_html" 'het bericht «Nieuwe sluizen vertraagd» en met' \
  'het bericht «Nieuwe sluizen versneld» en met' 3 4 6 4 'vertraagd»' 'versneld»'
check "sample: the missing question and note have their text and page" \
  "[ \$(count 'data:image/png;base64' '$tmp/sample.html') -eq 3 ] && grep -q '<p class=\"label\">Vraag 6</p>' '$tmp/sample.html'"

# document text is never markup: a tag, an ampersand and quotes in a paragraph
python3 "$tmp/alter.py" "$sample_html" "$tmp/inject.html" 'Nieuwe sluizen vertraagd» en met' \
  'Nieuwe sluizen &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;» en met'
"$ahconv" verify --html "$tmp/inject-report.html" "$sample_pdf" "$tmp/inject.html" >/dev/null 2>&1
check "escaping: the text's <script>, & and quotes are text" \
  "grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;»' '$tmp/inject-report.html' && ! grep -q -i '<script' '$tmp/inject-report.html' && xmllint --html --noout '$tmp/inject-report.html' 2>/dev/null"

# a clean document: a short report that says so
"$ahconv" verify --html "$tmp/clean.html" "$sample_pdf" "$sample_html" >"$tmp/clean.out"
check "clean: exit 0, no findings, says so" \
  "[ $? -eq 0 ] && [ ! -s '$tmp/clean.out' ] && grep -q '<dt>Findings</dt><dd>0</dd>' '$tmp/clean.html' && grep -q 'No findings: both renditions say the same.' '$tmp/clean.html' && ! grep -q 'class=\"finding\"' '$tmp/clean.html' && xmllint --html --noout '$tmp/clean.html' 2>/dev/null && offline '$tmp/clean.html'"
# three renditions: the page holds the findings of A against B and of A
# against C (the third was left out once: a clean page, exit 1)
"$ahconv" verify --html "$tmp/three.html" "$sample_pdf" "$sample_html" "$tmp/sample-changed.html" >"$tmp/three.out"
rc=$?
check "three renditions: exit 1, the 4 findings against C on the page, each naming C" \
  "[ $rc -eq 1 ] && grep -q '<dt>Findings</dt><dd>4</dd>' '$tmp/three.html' && grep -q '<dt>Rendition C</dt><dd>$tmp/sample-changed.html (html' '$tmp/three.html' && [ \$(count '<span class=\"cls\">A vs C</span></h3>' '$tmp/three.html') -eq 4 ] && [ \$(count '<h4>C: $tmp/sample-changed.html</h4>' '$tmp/three.html') -eq 4 ] && grep -q '<strong class=\"d\">versneld»</strong>' '$tmp/three.html' && xmllint --html --noout '$tmp/three.html' 2>/dev/null"
while IFS= read -r line; do
  element=${line#* vs $tmp/sample-changed.html: } && element=${element%%: *}
  check "three renditions: finding $element against C on the page" "grep -q '</span> $element <span class=\"cls\">' '$tmp/three.html'"
done <"$tmp/three.out"
"$ahconv" verify --html "$tmp/one.html" "$tmp/sample-changed.html" >/dev/null
check "one rendition: its 5 findings" "grep -q '<dt>Findings</dt><dd>5</dd>' '$tmp/one.html' && xmllint --html --noout '$tmp/one.html' 2>/dev/null"
"$ahconv" verify --html "$tmp/nowhere/r.html" "$sample_pdf" >/dev/null 2>"$tmp/err"
check "an unwritable report: exit 2, one line" "[ \$? -eq 2 ] && [ \$(wc -l <'$tmp/err') -eq 1 ]"
cp "$sample_html" "$tmp/input.html" && ln -s input.html "$tmp/link.html"
"$ahconv" verify --html "$tmp/link.html" "$tmp/input.html" >/dev/null 2>"$tmp/err"
check "the report never replaces an input" \
  "[ \$? -eq 2 ] && [ \"\$(cat '$tmp/err')\" = 'ahconv: $tmp/link.html: cannot write: is an input file' ] && cmp -s '$sample_html' '$tmp/input.html'"

# convert --positions: boxes and element paths, valid against the schema;
# without it nothing changes
"$ahconv" convert --positions -o "$tmp/pos-pdf.xml" "$sample_pdf" && "$ahconv" convert --positions -o "$tmp/pos-html.xml" "$sample_html"
check "positions: valid XML with boxes and paths" \
  "xmllint --noout --relaxng '$src/schema/aanhangsel.rng' '$tmp/pos-pdf.xml' '$tmp/pos-html.xml' 2>/dev/null && grep -q '<al box=\"1 [0-9.]* [0-9.]* [0-9.]* [0-9.]*\">Bent u bekend' '$tmp/pos-pdf.xml' && grep -q '<al line=\"41\" path=\"/html/body/div\[3\]/div\[1\]/p\">Bent u bekend' '$tmp/pos-html.xml'"
"$ahconv" convert -o "$tmp/plain.xml" "$sample_pdf"
check "positions: none without the option" "! grep -q ' box=\| line=\| path=' '$tmp/plain.xml'"

# batch --html beside the CSV
mkdir -p "$tmp/in" && cp "$sample_pdf" "$tmp/sample-changed.html" "$tmp/in/" && printf 'junk' >"$tmp/in/junk.pdf"
"$ahconv" batch -j1 --quiet --html -o "$tmp/out" "$tmp/in" >/dev/null 2>&1
b=$tmp/out/ahconv-report.html
check "batch --html: the page, valid and offline" "[ -s '$b' ] && xmllint --html --noout '$b' 2>/dev/null && offline '$b'"
check "batch --html: totals, the failure with its error, the document with findings" \
  "grep -q '<dt>Inputs</dt><dd>3 (3 done)</dd>' '$b' && grep -q '<dt>Failed</dt><dd>1</dd>' '$b' && grep -q 'junk.pdf</span></td><td>failed</td><td>not a PDF, HTML or publisher XML document</td>' '$b' && grep -q '<dt>Documents with findings</dt><dd>1 (5 findings)</dd>' '$b'"

fi

# the corpus document (its own test, report_corpus)
shared=$src/../shared/corpus
if [ "$PART" != sample ] &&
   need_corpus "$shared/pdf/ah-tk-20202021-3235.pdf" "$shared/html/ah-tk-20202021-3235.html"; then
  report corpus-3235 "$shared/pdf/ah-tk-20202021-3235.pdf" "$shared/html/ah-tk-20202021-3235.html" \
    'Klopt het dat de Tijdelijke' 'Klopt het dat de Permanente' '' 5 9 3 'Tijdelijke' 'Permanente'
fi

echo "report_test: $failures failed"
[ "$failures" -eq 0 ]
