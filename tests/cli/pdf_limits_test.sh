#!/usr/bin/env bash
# The clean PDF at the edges of what a page holds, on variants of the
# sample HTML made here: a 40-column table (wrapped, every cell read back
# from the pages), a table that cannot be set (an error, no file), Unicode
# noncharacters (drawn as U+FFFD, kept in the embedded XML, verify says so),
# over-long words (40 KB, 200 KB: read back from the pages as one word) and
# a footnote longer than a page (continued on the next pages' note zone).
# Each document is read back from its embedded XML and from its pages
# (--no-embed) and compared with what the HTML gives.
# usage: pdf_limits_test.sh AHCONV SAMPLE.html
set -u
ahconv=$1
sample=$2
. "$(dirname "$0")/../tools/lib.sh"
strip_source() {
  grep -v '<bron ' "$1" | sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d' -e 's/ pagina="[^"]*"//'
}

# variant NAME PYTHON-EXPRESSION: the sample with `html` changed by the expression
variant() {
  python3 - "$sample" "$tmp/$1.html" "$2" <<'EOF'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
anchor = "waarin ik nader inga op de planning van de sluizen bij Gorinchem en Krimpen aan den IJssel.</p>"
def after_last_answer(s):
    return html.replace(anchor, anchor + s, 1)
def table(cols, rows, cell):
    head = "<tr>" + "".join(f"<th>K{c}</th>" for c in range(1, cols + 1)) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{cell(r, c)}</td>" for c in range(1, cols + 1)) + "</tr>"
                   for r in range(1, rows + 1))
    return "<table>" + head + body + "</table>"
out = eval(sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write(out)
EOF
}

# round_trip NAME: the clean PDF of NAME.html reads back, from its embedded
# XML and from its pages, as the HTML reads
round_trip() {
  local name=$1
  "$ahconv" convert -o "$tmp/$name.xml" "$tmp/$name.html" || { fail "$name: convert"; return 1; }
  "$ahconv" convert -f pdf -o "$tmp/$name.pdf" "$tmp/$name.html" 2>"$tmp/err" ||
    { fail "$name: convert -f pdf: $(cat "$tmp/err")"; return 1; }
  "$ahconv" convert -o "$tmp/$name.embedded.xml" "$tmp/$name.pdf" &&
    diff <(strip_source "$tmp/$name.xml") <(strip_source "$tmp/$name.embedded.xml") >"$tmp/diff" &&
    pass "$name: the embedded XML reads back" || { fail "$name: the embedded XML reads back differently"; head -c 600 "$tmp/diff"; }
  "$ahconv" convert --no-embed -o "$tmp/$name.pages.xml" "$tmp/$name.pdf" || { fail "$name: read the pages"; return 1; }
  return 0
}

pages_same() {
  local name=$1
  if diff <(strip_source "$tmp/$name.xml") <(strip_source "$tmp/$name.pages.xml") >"$tmp/diff"; then
    pass "$name: the pages read back to the same XML"
  else
    fail "$name: the pages read back differently"; head -c 600 "$tmp/diff"; echo
  fi
}

# ---- a 40-column table: wrapped, never cut -------------------------------
variant wide 'after_last_answer(table(40, 3, lambda r, c: f"r{r}c{c}"))'
if round_trip wide; then
  pages_same wide
  cells=$(grep -c '<cel>' "$tmp/wide.pages.xml")
  [ "$cells" -eq 160 ] && grep -q '<cel>r3c40</cel>' "$tmp/wide.pages.xml" && pass "wide: 160 cells on the pages" ||
    fail "wide: $cells cells on the pages, not 160"
  "$ahconv" verify "$tmp/wide.html" "$tmp/wide.pdf" >"$tmp/out" 2>&1 && pass "wide: verify HTML PDF finds nothing" ||
    { fail "wide: verify HTML PDF"; cat "$tmp/out"; }
fi

# ---- a table that cannot be set: an error, one line, no file -------------
variant unsettable 'after_last_answer(table(3, 2, lambda r, c: "breed " * 200 if c == 2 else "x"))'
printf 'keep me\n' >"$tmp/kept.pdf"
"$ahconv" convert -f pdf -o "$tmp/kept.pdf" "$tmp/unsettable.html" 2>"$tmp/err"; rc=$?
# (a sanitizer build adds its report to standard error: only ahconv's lines count)
if [ "$rc" -eq 2 ] && [ "$(grep '^ahconv:' "$tmp/err")" = "ahconv: $tmp/unsettable.html: a table of 3 columns cannot be set: a column is wider than the page at the smallest type" ] &&
   [ "$(cat "$tmp/kept.pdf")" = "keep me" ]; then
  pass "unsettable table: exit 2, one line"
else
  fail "unsettable table: exit $rc: $(cat "$tmp/err")"
fi
variant tall 'after_last_answer(table(2, 120, lambda r, c: f"rij {r}"))'
"$ahconv" convert -f pdf -o "$tmp/tall.pdf" "$tmp/tall.html" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && [ "$(grep '^ahconv:' "$tmp/err")" = "ahconv: $tmp/tall.html: a table of 121 rows cannot be set: 1258 pt high, a page holds 676 pt" ] &&
   [ ! -e "$tmp/tall.pdf" ]; then
  pass "too long a table: exit 2, one line"
else
  fail "too long a table: exit $rc: $(cat "$tmp/err")"
fi

# ---- Unicode noncharacters: drawn as U+FFFD, kept in the embedded XML ----
variant nonchar 'html.replace("Ja, ik ben bekend", "Ja, ik\ufdd0 ben\U0001fffe bekend\U0010ffff", 1).replace(">Vraag 1</h2>", ">Vraag 1\ufdef</h2>", 1)'
if round_trip nonchar; then
  n=$(grep -o $'\xef\xbf\xbd' "$tmp/nonchar.pages.xml" | wc -l)
  grep -q $'Ja, ik\xef\xbf\xbd ben\xef\xbf\xbd bekend\xef\xbf\xbd' "$tmp/nonchar.pages.xml" && [ "$n" -eq 4 ] &&
    pass "nonchar: the pages read U+FFFD for each of the 4 noncharacters" || fail "nonchar: $n U+FFFD on the pages"
  "$ahconv" verify "$tmp/nonchar.html" >"$tmp/out" 2>&1
  # "Vraag 1" + a noncharacter is no label: the div.vraag heading stays text
  # (a vraag without numbers is not valid output) and verify says so
  if grep -qxF "$tmp/nonchar.html: structure: vraag heading with no number, kept as text: \"Vraag 1"$'\xef\xb7\xaf'"\"" "$tmp/out" &&
     grep -qxF "$tmp/nonchar.html: mededeling: 1 Unicode noncharacter: kept in the XML, drawn as U+FFFD in a clean PDF" "$tmp/out" &&
     grep -qxF "$tmp/nonchar.html: Antwoord 1: 3 Unicode noncharacters: kept in the XML, drawn as U+FFFD in a clean PDF" "$tmp/out"; then
    pass "nonchar: verify names the noncharacters"
  else
    fail "nonchar: verify says"; cat "$tmp/out"
  fi
  # a PDF without embedded XML is read from its pages
  "$ahconv" convert --no-embed -f pdf -o "$tmp/bare.pdf" "$tmp/nonchar.pdf" && "$ahconv" verify "$tmp/bare.pdf" >"$tmp/out" 2>&1
  grep -qF "characters the source encoded wrongly, replaced by U+FFFD" "$tmp/out" &&
    pass "nonchar: verify of the pages' reading names the U+FFFD" || { fail "nonchar: verify of the pages"; cat "$tmp/out"; }
fi

# ---- over-long words: one word again when read from the pages ------------
for kb in 40 200; do
  variant "word$kb" "html.replace('Ja, ik ben bekend', 'Ja, ' + 'abcdefghij' * $kb * 100 + ' ik ben bekend', 1)"
  round_trip "word$kb" && pages_same "word$kb"
done

# ---- a footnote longer than a page: it goes on at the next pages' notes ----
for words in 850 2000; do
  variant "note$words" "html.replace('<p>Kamerstuk 36 600 A, nr. 2</p>', '<p>Kamerstuk 36 600 A, nr. 2. ' + ' '.join(('woord%d' % i) if i % 7 else ('Lang%d' % i) for i in range($words)) + '.</p>', 1)"
  if round_trip "note$words"; then
    pages_same "note$words"
    # the pages say where the note runs, and so does the embedded XML
    diff <(grep -v '<bron ' "$tmp/note$words.embedded.xml" | sed -e '/<registratie/,/<\/registratie>/d') \
        <(grep -v '<bron ' "$tmp/note$words.pages.xml") >"$tmp/diff" &&
      pass "note$words: $(grep -o '<noot n="3" pagina="[^"]*"' "$tmp/note$words.pages.xml"), in the embedded XML too" ||
      { fail "note$words: the note's pages differ"; cat "$tmp/diff"; }
  fi
done
grep -q '<noot n="3" pagina="3-4"' "$tmp/note850.pages.xml" && grep -q '<noot n="3" pagina="3-6"' "$tmp/note2000.pages.xml" &&
  pass "the 850-word note runs over pages 3-4, the 2000-word note over 3-6" || fail "the long notes' pages"

echo "pdf_limits_test: $failures failed"
[ "$failures" -eq 0 ]
