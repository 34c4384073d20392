#!/usr/bin/env bash
# The publisher's XML rendition and its metadata record, through the CLI.
#  1. Hostile XML (made here): entities, an external DTD, billion laughs,
#     100,000-deep nesting, 50 MB, 2.9 million elements: each converted
#     (with its text checked) or refused (with its message), as stated per
#     case; memory bounded; under strace (PART network, its own test) no
#     connect().
#  2. With ../shared: the publisher's XML of ah-tk-20202021-3235 scores 1.000
#     on every measure; its PDF, HTML and XML give one tree (apart from bron,
#     registratie and pagina; with the same record given to all three,
#     byte-identical apart from bron and pagina); verify of the three exits 0,
#     and a changed word, a renumbered question and a dropped note are each
#     reported naming the renditions; the registratie; the record found
#     beside the input and in the publisher's folder layout; publisher XML
#     written from every truth JSON (truth_to_xml.py) scores 1.000; every
#     output validates against the schema.
# usage: pubxml_test.sh SOURCE_DIR BUILD_DIR [sample|corpus|network|all]
set -u
src=$1
build=$2
PART=${3:-all}
. "$(dirname "$0")/../tools/lib.sh"
ahconv="$build/tools/ahconv"
shared="$src/../shared"
# bron, registratie and pagina are what differs between renditions
strip() { grep -v '<bron ' "$1" | sed -e '/<registratie[^>]*\/>/d' -e '/<registratie/,/<\/registratie>/d' |
          sed 's/ pagina="[^"]*"//'; }

if [ "$PART" != corpus ]; then
# ---- 1. hostile XML ---------------------------------------------------------

python3 - "$tmp" <<'EOF'
import sys
d = sys.argv[1]
head = '<?xml version="1.0"?>\n'
def doc(body, doctype=''):
    return head + doctype + '<kamervragen><vraag><nr>Vraag 1</nr><al>%s</al></vraag></kamervragen>\n' % body
open(d + '/entities.xml', 'w').write(doc('a &e; &f; b', '<!DOCTYPE kamervragen [ <!ENTITY e "x"> '
                                         '<!ENTITY f SYSTEM "file:///etc/passwd"> ]>\n'))
open(d + '/dtd.xml', 'w').write(doc('a', '<!DOCTYPE kamervragen SYSTEM "http://127.0.0.1:9/op.dtd">\n'))
open(d + '/pe.xml', 'w').write(doc('a', '<!DOCTYPE kamervragen [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p; ]>\n'))
laughs = '<!DOCTYPE kamervragen [\n <!ENTITY l0 "lol">\n'
for i in range(1, 10):
    laughs += ' <!ENTITY l%d "%s">\n' % (i, ('&l%d;' % (i - 1)) * 10)
open(d + '/laughs.xml', 'w').write(doc('&l9;', laughs + ']>\n'))
open(d + '/deep.xml', 'w').write(doc('<nadruk>' * 100000 + 'x' + '</nadruk>' * 100000))
para = '<al>' + 'Dit is een zin met wat tekst, genoeg voor een alinea. ' * 20 + '</al>\n'
with open(d + '/big.xml', 'w') as f:
    f.write('<kamervragen><vraag><nr>Vraag 1</nr><al>Waarom?</al></vraag><antwoord><nr>Antwoord 1</nr>\n')
    for i in range(50 * 1024 * 1024 // len(para)):
        f.write(para)
    f.write('</antwoord></kamervragen>\n')
with open(d + '/tiny-elements.xml', 'w') as f:
    f.write('<kamervragen><vraag><nr>Vraag 1</nr><al>' + '<nadruk>x</nadruk>' * (50 * 1024 * 1024 // 18) +
            '</al></vraag></kamervragen>\n')
EOF
python3 -c "
para = '<al>' + 'Dit is een zin met wat tekst, genoeg voor een alinea. ' * 20 + '</al>\n'
print(50 * 1024 * 1024 // len(para))" >"$tmp/big.paragraphs"
# A memory ceiling: a conversion that needed more would fail, not pass (not
# under AddressSanitizer, which reserves terabytes of address space).  The
# network part (PART network, its own test) runs the same cases under strace
# and fails on any connect(); it is skipped (77) without strace or under
# AddressSanitizer, whose leak check cannot run under ptrace.
tracer=""
ceiling="ulimit -v 4000000"
asan=0
ldd "$ahconv" 2>/dev/null | grep -q 'libasan' && asan=1 ceiling=":"
if [ "$PART" = network ]; then
  if ! command -v strace >/dev/null; then echo "skipped: strace not installed; no-network check not run"; exit 77; fi
  if [ "$asan" = 1 ]; then echo "skipped: AddressSanitizer build; no-network check not run"; exit 77; fi
  tracer="strace -f -qq -e trace=connect,socket -o $tmp/trace"
fi
# hostile CASE RC ERROR CHECK: exit RC; with RC 2 stderr is exactly ERROR (a
# glob: libxml2 words its own part) and no output is written; with RC 0 the
# shell test CHECK holds on $out.
hostile() {
  local case=$1 want_rc=$2 want_err=$3 check=$4 out="$tmp/$1.out.xml"
  rm -f "$out" "$tmp/trace"
  (eval "$ceiling"; /usr/bin/env time -f "%e %M" -o "$tmp/time" $tracer "$ahconv" convert -o "$out" \
     "$tmp/$case.xml" 2>"$tmp/$case.err")
  local rc=$? err secs kb
  err=$(cat "$tmp/$case.err")
  read -r secs kb < <(tail -1 "$tmp/time") || { secs=?; kb=0; }
  if [ -n "$tracer" ]; then
    if [ ! -e "$tmp/trace" ]; then fail "hostile $case: strace wrote no trace"; return; fi
    if grep -q 'connect(' "$tmp/trace"; then fail "hostile $case: a network connection was tried"; return; fi
    pass "hostile $case: no connect() (exit $rc)"
    return
  fi
  if [ "$rc" -ne "$want_rc" ]; then fail "hostile $case: exit $rc, want $want_rc ($(head -c 200 "$tmp/$case.err"))"; return; fi
  if [ "$rc" -eq 2 ]; then
    # shellcheck disable=SC2053
    if [[ $err != $want_err ]] || [ "$(wc -l <"$tmp/$case.err")" -ne 1 ] || [ -e "$out" ]; then
      fail "hostile $case: stderr '$err', want '$want_err' (one line, no output)"; return
    fi
  elif ! eval "$check"; then
    fail "hostile $case: output fails: $check"; return
  fi
  pass "hostile $case: exit $rc in ${secs} s, ${kb} KB peak${err:+: $err}"
}
# entities are never expanded (the text keeps what is around them; verify
# names them below), no file is read, no DTD fetched: converted, exit 0
hostile entities 0 "" "grep -q '<al>a b</al>' \"\$out\" && ! grep -q 'root:' \"\$out\""
hostile dtd 0 "" "grep -q '<al>a</al>' \"\$out\""
hostile pe 0 "" "grep -q '<al>a</al>' \"\$out\""
# refused: an entity loop, nesting past libxml2's 256 levels, and more
# elements than AH_MAX_ELEMENTS
hostile laughs 2 "ahconv: $tmp/laughs.xml: publisher XML: not well-formed (line 14: *entity reference loop*)" ""
hostile deep 2 "ahconv: $tmp/deep.xml: publisher XML: not well-formed (line 2: *depth*)" ""
hostile tiny-elements 2 "ahconv: $tmp/tiny-elements.xml: publisher XML has over 250000 elements" ""
# 50 MB of paragraphs is a large but legal document: every paragraph kept
hostile big 0 "" "[ \$(grep -c '<al>Dit is een zin' \"\$out\") -eq $(cat "$tmp/big.paragraphs") ] && grep -q '<al>Waarom?</al>' \"\$out\""
if [ "$PART" = network ]; then
  echo "pubxml network: $failures failed"
  [ "$failures" -eq 0 ]
  exit
fi
if grep -q 'root:' "$tmp/entities.out.xml" 2>/dev/null; then fail "an external entity was read"; fi
if "$src/tests/tools/validate_xml.sh" "$src/schema/aanhangsel.rng" "$tmp/"{entities,dtd,pe}.out.xml >"$tmp/valid" 2>&1; then
  pass "the hostile cases' outputs validate against the schema"
else
  fail "schema validation of the hostile cases' outputs"; cat "$tmp/valid"
fi
if "$ahconv" verify "$tmp/entities.xml" | grep -q '&f; (an entity reference, not expanded)'; then
  pass "verify names the entity not expanded"
else
  fail "verify does not report the entity"
fi

# ---- markers in table cells, and side by side --------------------------------
# A noot in a table entry is a noot-ref in its cel; the clean PDF raises it
# in the cell, sets its note on the table's page, and reads back the same
# (from its pages too); two markers side by side stay two.  The document is
# short, mostly labels, one-line paragraphs and gaps: the line pitch must
# not be taken from its gaps (its two paragraphs under Vraag 1 stay two).
cat >"$tmp/cells.xml" <<'EOF'
<officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://example.org/ah-tk-20252026-4400/metadata.xml"/></metadata><kamervragen><kamervraagkop><tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel><tekstregel inhoud="vergaderjaar">Vergaderjaar 2025-2026</tekstregel></kamervraagkop><kamervraagnummer>4400</kamervraagnummer>
<kamervraagomschrijving type="vraag">Vragen van het lid <naam><achternaam>Aksoy</achternaam></naam> (VVD) aan de Minister van Financiën over <kamervraagonderwerp>de kosten</kamervraagonderwerp> (ingezonden <datum isodatum="2025-06-02">2 juni 2025</datum>).</kamervraagomschrijving>
<kamervraagomschrijving type="antwoord">Antwoord van Minister <naam><achternaam>Heijnen</achternaam></naam> (Financiën) (ontvangen <datum isodatum="2025-06-23">23 juni 2025</datum>).</kamervraagomschrijving>
<vraag><nr>Vraag 1</nr><al>Wat kost de nieuwe pers?<noot id="a" type="voet"><noot.nr>1</noot.nr><noot.al>Begroting 2025.</noot.al></noot><noot id="b" type="voet"><noot.nr>2</noot.nr><noot.al>Jaarverslag 2024.</noot.al></noot></al><al>Graag een overzicht per jaar.</al></vraag>
<antwoord><nr>Antwoord 1</nr><al>De kosten zijn als volgt:</al><tabel><tgroup cols="2"><tbody><row><entry><al>Jaar</al></entry><entry><al>Bedrag</al></entry></row><row><entry><al>2024</al></entry><entry><al>5 mln<noot id="c" type="voet"><noot.nr>3</noot.nr><noot.al>Geraamd, exclusief btw.</noot.al></noot></al></entry></row><row><entry><al>2025</al></entry><entry><al>7 mln</al></entry></row></tbody></tgroup></tabel><al>Dat is binnen de begroting.</al></antwoord>
</kamervragen></officiele-publicatie>
EOF
"$ahconv" convert -o "$tmp/cells.out.xml" "$tmp/cells.xml" && "$ahconv" convert -f pdf -o "$tmp/cells.pdf" "$tmp/cells.xml" ||
  fail "convert the table with markers"
if grep -q '<al>Wat kost de nieuwe pers?<noot-ref n="1"/><noot-ref n="2"/></al>' "$tmp/cells.out.xml" &&
   grep -q '<cel>5 mln<noot-ref n="3"/></cel>' "$tmp/cells.out.xml" && "$ahconv" verify "$tmp/cells.xml" >"$tmp/cells.v"; then
  pass "a marker in a cell, two side by side: noot-ref, verify finds nothing"
else
  fail "markers in cells: $(grep -E 'pers\?|mln' "$tmp/cells.out.xml") $(cat "$tmp/cells.v" 2>/dev/null)"
fi
for read in "" --no-embed; do
  "$ahconv" convert $read -o "$tmp/cells.back.xml" "$tmp/cells.pdf" &&
    diff <(strip "$tmp/cells.out.xml") <(strip "$tmp/cells.back.xml") >"$tmp/cells.diff" &&
    "$ahconv" verify "$tmp/cells.pdf" >"$tmp/cells.v" &&
    pass "the clean PDF with a marker in a cell reads back the same ${read:-from its embedded XML}" ||
    { fail "the clean PDF with a marker in a cell ${read:-from its embedded XML}"; head -6 "$tmp/cells.diff"; cat "$tmp/cells.v"; }
done

# ---- small cases: what the reader keeps and what verify says -----------------
# Each: a document made here, a line its XML must hold exactly, the schema,
# and a line `verify` must print (with exit 1).
xml_doc() { # NAME BODY: a document with one vraag and its antwoord, then BODY
  cat >"$tmp/$1.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><kamervragen><kamervraagomschrijving>Vragen van het lid Kuipers (BBB) aan de Minister van Infrastructuur en Waterstaat over de sluis (ingezonden 12 januari 2026).</kamervraagomschrijving>
<kamervraagomschrijving>Antwoord van Minister Bakker (Infrastructuur en Waterstaat) (ontvangen 2 februari 2026).</kamervraagomschrijving>
<vraag><nr>Vraag 1</nr><al>Wanneer gaat de sluis open?</al></vraag><antwoord><nr>Antwoord 1</nr><al>In mei.</al></antwoord>
$2
</kamervragen></officiele-publicatie>
EOF
}
xml_case() { # NAME WANT_LINE WANT_FINDING
  if ! "$ahconv" convert -o "$tmp/$1.out.xml" "$tmp/$1.xml" 2>"$tmp/$1.err"; then
    fail "case $1: convert failed: $(cat "$tmp/$1.err")"; return
  fi
  "$ahconv" verify "$tmp/$1.xml" >"$tmp/$1.v"
  local rc=$?
  if ! grep -qxF -- "$2" "$tmp/$1.out.xml"; then
    fail "case $1: no line '$2' in"; cat "$tmp/$1.out.xml"
  elif ! "$src/tests/tools/validate_xml.sh" "$src/schema/aanhangsel.rng" "$tmp/$1.out.xml" >"$tmp/$1.valid" 2>&1; then
    fail "case $1: the output does not validate"; cat "$tmp/$1.valid"
  elif [ "$rc" -ne 1 ] || ! grep -qxF -- "$tmp/$1.xml: $3" "$tmp/$1.v"; then
    fail "case $1: verify exit $rc, not the finding '$3'"; cat "$tmp/$1.v"
  else
    pass "case $1"
  fi
}
# a label number 0 or past 999 (here the last section's) stays text, as from a PDF
xml_doc label-overflow '<vraag><nr>Vraag 1000</nr><al>Wie betaalt de sluis?</al></vraag>'
xml_case label-overflow '    <al>Vraag 1000</al>' \
  'Antwoord 1: "Vraag 1000" reads as a label, but its number is 0 or past 999: kept as text'
xml_doc label-zero '<antwoord><nr>Antwoord 0</nr><al>Niemand.</al></antwoord>'
xml_case label-zero '    <al>Antwoord 0</al>' \
  'Antwoord 1: "Antwoord 0" reads as a label, but its number is 0 or past 999: kept as text'

# invalid UTF-8: each sequence read as U+FFFD and counted, the document read
# (libxml2 refused it whole); a declared Latin-1 is decoded, nothing lost
xml_doc utf8-invalid $'<vraag><nr>Vraag 2</nr><al>Klopt \xff\xfe het \xe2\x80?</al></vraag>'
xml_case utf8-invalid $'    <al>Klopt \xef\xbf\xbd\xef\xbf\xbd het \xef\xbf\xbd?</al>' \
  'xml: 3 invalid UTF-8 sequences replaced by U+FFFD'
xml_doc latin1 $'<vraag><nr>Vraag 2</nr><al>Klopt caf\xe9?</al></vraag>'
sed -i '1s/UTF-8/ISO-8859-1/' "$tmp/latin1.xml"
if "$ahconv" convert -o "$tmp/latin1.out.xml" "$tmp/latin1.xml" && grep -qxF '    <al>Klopt café?</al>' "$tmp/latin1.out.xml" &&
   ! "$ahconv" verify "$tmp/latin1.xml" | grep -q 'U+FFFD'; then
  pass "case latin1: a declared ISO-8859-1 is decoded"
else
  fail "case latin1"; cat "$tmp/latin1.out.xml"
fi

# sup and inf in a table entry stay raised and lowered in the cel
xml_doc table-sup $'<antwoord><nr>Antwoord 2</nr><tabel><tgroup cols="2"><tbody><row><entry><al>450 m<sup>2</sup></al></entry><entry>CO<inf>2</inf></entry></row></tbody></tgroup></tabel></antwoord>'
if "$ahconv" convert -o "$tmp/table-sup.out.xml" "$tmp/table-sup.xml" &&
   grep -qxF '        <cel>450 m<sup>2</sup></cel>' "$tmp/table-sup.out.xml" &&
   grep -qxF '        <cel>CO<sub>2</sub></cel>' "$tmp/table-sup.out.xml"; then
  pass "case table-sup: sup and inf in a cel"
else
  fail "case table-sup"; grep '<cel' "$tmp/table-sup.out.xml"
fi
fi

# ---- 2. the corpus ------------------------------------------------------------

if [ "$PART" = sample ] || ! need_corpus "$shared/corpus/official-xml" "$shared/tools/ahscore"; then
  echo "pubxml: $failures failed"
  [ "$failures" -eq 0 ]
  exit
fi
c="$shared/corpus"
id=ah-tk-20202021-3235
xml="$c/official-xml/$id.xml" pdf="$c/pdf/$id.pdf" html="$c/html/$id.html" record="$c/official-xml/$id.metadata.xml"
mins=(--min-struct 1.0 --min-text 1.0 --min-notes 1.0 --min-meta 1.0)
if python3 "$shared/tools/ahscore" --conv "$ahconv convert -f xml" "${mins[@]}" "$c/truth" "$xml"; then
  pass "ahscore of the publisher's XML"
else
  fail "ahscore of the publisher's XML below 1.000"
fi
for r in pdf html xml; do "$ahconv" convert -o "$tmp/$r.xml" "${!r}" || fail "convert $r"; done
if diff <(strip "$tmp/pdf.xml") <(strip "$tmp/xml.xml") && diff <(strip "$tmp/html.xml") <(strip "$tmp/xml.xml"); then
  pass "PDF, HTML and XML give one tree"
else
  fail "PDF, HTML and XML trees differ"
fi
gzip -9nc "$xml" >"$tmp/$id.xml.gz"
cp "$record" "$tmp/$id.metadata.xml"
"$ahconv" convert -o "$tmp/gz.xml" "$tmp/$id.xml.gz" &&
  diff <(grep -v '<bron ' "$tmp/gz.xml") <(grep -v '<bron ' "$tmp/xml.xml") >/dev/null &&
  pass "X.xml.gz converts like X.xml, its record beside it" || fail "gzip publisher XML"
for r in pdf html xml; do "$ahconv" convert --metadata "$record" -o "$tmp/$r.rec.xml" "${!r}" || fail "convert --metadata $r"; done
nobron() { grep -v '<bron ' "$1" | sed 's/ pagina="[^"]*"//'; }
if diff <(nobron "$tmp/pdf.rec.xml") <(nobron "$tmp/xml.rec.xml") >/dev/null &&
   diff <(nobron "$tmp/html.rec.xml") <(nobron "$tmp/xml.rec.xml") >/dev/null; then
  pass "with one record given to all three: identical apart from bron and pagina"
else
  fail "with one record the outputs differ"
fi
# the registratie: vraagnummer, three askers with initials, two categories
reg=$(sed -n '/<registratie/,/<\/registratie>/p' "$tmp/xml.xml")
if grep -q 'vraagnummer="2021Z09739"' <<<"$reg" && [ "$(grep -c '<indiener>[A-Z]\.' <<<"$reg")" -eq 3 ] &&
   [ "$(grep -c '<categorie>' <<<"$reg")" -eq 2 ] && grep -q '<indiener>S.P.R.A. van Weyenberg</indiener>' <<<"$reg"; then
  pass "registratie: 2021Z09739, three indieners with initials, two categories"
else
  fail "registratie of $id: $reg"
fi
"$ahconv" verify "$pdf" "$html" "$xml" >"$tmp/v3" && [ ! -s "$tmp/v3" ] && pass "verify PDF HTML XML: exit 0" ||
  { fail "verify of the three renditions"; cat "$tmp/v3"; }
"$ahconv" verify "$xml" >"$tmp/v1" && pass "verify of the XML alone: exit 0" || { fail "verify XML"; cat "$tmp/v1"; }

# a changed word and a renumbered question in a copy of the XML (beside its
# record); the XML first, so that both comparisons name it
sed 's/kunnen betalen?/kunnen lenen?/; s/>Vraag 5</>Vraag 15</' "$xml" >"$tmp/$id.xml"
cp "$record" "$tmp/$id.metadata.xml"
"$ahconv" verify "$tmp/$id.xml" "$pdf" "$html" >"$tmp/changed" 2>&1
rc=$?
expect_finding() { # what, pattern
  if [ "$rc" -eq 1 ] && grep -q -- "$2" "$tmp/changed"; then pass "$1 reported"; else fail "$1 not reported (exit $rc)"; cat "$tmp/changed"; fi
}
for r in "$pdf" "$html"; do
  expect_finding "changed word ($(basename "$r"))" "^$tmp/$id.xml vs $r: Vraag 6: text differs at word 30: A has .*\[lenen?\].*, B has .*\[betalen?\]"
  expect_finding "renumbered question, new number ($(basename "$r"))" "^$tmp/$id.xml vs $r: Vraag 15: only in A"
  expect_finding "renumbered question, old number ($(basename "$r"))" "^$tmp/$id.xml vs $r: Vraag 5: only in B"
done
[ "$(wc -l <"$tmp/changed")" -eq 6 ] && pass "six findings, no more" || { fail "findings: $(wc -l <"$tmp/changed")"; cat "$tmp/changed"; }
"$ahconv" verify "$tmp/$id.xml" | grep -q "Vraag 15" && pass "verify of the changed XML alone sees the numbering" ||
  fail "verify of the changed XML alone"

# a dropped note: truth-built HTML and XML of a document with notes, one note taken out of the XML
t=ah-tk-20232024-1314
python3 "$src/tests/tools/truth_to_html.py" "$c/truth/$t.json" "$tmp/$t.html"
python3 "$src/tests/tools/truth_to_xml.py" "$c/truth/$t.json" "$tmp/$t.xml"
python3 - "$tmp/$t.xml" "$tmp/$t-dropped.xml" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
s = re.sub(r'<noot id="n2".*?</noot>', '', s, count=1, flags=re.S)
open(sys.argv[2], 'w', encoding='utf-8').write(s)
EOF
"$ahconv" verify "$tmp/$t.html" "$tmp/$t.xml" >"$tmp/vt" && pass "verify truth HTML and XML with notes: exit 0" ||
  { fail "verify truth HTML and XML"; cat "$tmp/vt"; }
"$ahconv" verify "$tmp/$t.html" "$tmp/$t-dropped.xml" >"$tmp/changed" 2>&1
rc=$?
expect_finding "dropped note" "^$tmp/$t.html vs $tmp/$t-dropped.xml: noot 2: only in A"

# the record beside the input: X.metadata.xml, and the publisher's folder layout
layout="$tmp/officielepublicaties/ah-tk/20202021/$id/1"
mkdir -p "$layout/pdf" "$layout/html" "$layout/xml" "$layout/metadata"
cp "$pdf" "$layout/pdf/"; cp "$xml" "$layout/xml/"; cp "$record" "$layout/metadata/metadata.xml"
for r in pdf xml; do
  if "$ahconv" convert "$layout/$r/$id.$r" | grep -q 'registratie vraagnummer="2021Z09739"'; then
    pass "record found in the publisher's layout for the $r"
  else
    fail "no record for $layout/$r/$id.$r"
  fi
done
cp "$pdf" "$tmp/$id.pdf"
"$ahconv" convert "$tmp/$id.pdf" | grep -q '<registratie vraagnummer="2021Z09739"' && pass "X.metadata.xml beside X.pdf" ||
  fail "X.metadata.xml beside X.pdf not read"
# a damaged record beside the input: the rendition converts without it,
# and verify names the record (it is not dropped unseen)
mkdir -p "$tmp/damaged" && cp "$pdf" "$tmp/damaged/$id.pdf" && printf 'garbage' >"$tmp/damaged/$id.metadata.xml"
"$ahconv" convert -o "$tmp/damaged.xml" "$tmp/damaged/$id.pdf" && ! grep -q '<registratie' "$tmp/damaged.xml" &&
  { "$ahconv" verify "$tmp/damaged/$id.pdf" >"$tmp/damaged.v"; [ $? -eq 1 ]; } &&
  [ "$(wc -l <"$tmp/damaged.v")" -eq 1 ] &&
  grep -qF "$tmp/damaged/$id.pdf: pdf: text in markup the reader does not take, not in the output: \"(the metadata record $tmp/damaged/$id.metadata.xml is not read: not a" "$tmp/damaged.v" &&
  pass "a damaged record beside the input: converted without it, verify names it" ||
  fail "a damaged record beside the input: $(cat "$tmp/damaged.v")"
"$ahconv" convert --metadata "$c/official-xml/$id.metadata_owms.xml" "$pdf" | grep -q '<indiener>H. Kat</indiener>' &&
  pass "--metadata with the OWMS form" || fail "--metadata with the OWMS form"
sed 's/ah-tk-20202021-3235/ah-tk-20202021-3236/' "$record" >"$tmp/other.metadata.xml"
"$ahconv" convert --metadata "$tmp/other.metadata.xml" "$pdf" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'the metadata record is for ah-tk-20202021-3236' "$tmp/err" && pass "a record of another publication: exit 2" ||
  fail "a record of another publication: exit $rc $(cat "$tmp/err")"
"$ahconv" convert "$record" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'a metadata record, not a rendition' "$tmp/err" && pass "a record as the input: exit 2" ||
  fail "a record as the input: exit $rc"

# batch: the publisher's layout walked (records left out as inputs, read for
# the renditions beside them), the vraagnummer reported, --verify comparing
# the renditions of one document
cp "$pdf" "$tmp/officielepublicaties/"; cp "$tmp/$id.xml" "$tmp/officielepublicaties/"
cp "$record" "$tmp/officielepublicaties/$id.metadata.xml"
"$ahconv" batch -q -j2 --verify --html -o "$tmp/batch" "$tmp/officielepublicaties" >"$tmp/batch.out" 2>&1
rc=$?
# exit 1: the renditions of one document differ
[ "$rc" -eq 1 ] || fail "batch: exit $rc, $(cat "$tmp/batch.out")"
report="$tmp/batch/ahconv-report.csv"
rows=$(python3 -c 'import csv,sys
for r in list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[1:]: print(",".join([r[0], r[2], r[5], r[12]]))' "$report" |
  sed "s#$tmp/officielepublicaties/##")
want="ah-tk/20202021/$id/1/xml/$id.xml,ok,2021Z09739,0
ah-tk/20202021/$id/1/pdf/$id.pdf,ok,2021Z09739,0
$id.xml,ok,2021Z09739,3
$id.pdf,ok,2021Z09739,3"
if [ "$rows" = "$want" ]; then
  pass "batch --verify: records left out, vraagnummer, findings per document"
else
  fail "batch report:"; echo "$rows"
fi
# the web page: the vraagnummer on every input's row, and the documents
# whose renditions differ (the changed XML and its PDF) with the
# differences and a link to the document's verify page, not the one whose
# renditions agree
page="$tmp/batch/ahconv-report.html"
section=$(sed -n '/<h2 id="renditions">/,/<h2 id="inputs">/p' "$page")
differ=$(echo "$section" | grep -c ' — 3 differences from the source:<pre>')
if [ "$(grep -c '<td>2021Z09739</td>' "$page")" -ge 4 ] && [ "$differ" -eq 1 ] &&
   echo "$section" | grep -q "href=\"$id.verify.html\"" && [ -s "$tmp/batch/$id.verify.html" ] &&
   ! echo "$section" | grep -q "/1/pdf/"; then
  pass "batch --html: vraagnummer column, the two differing renditions listed"
else
  fail "batch --html: renditions table ($differ rows)"
fi

# publisher XML from every truth JSON: ahscore 1.000, schema-valid
mkdir -p "$tmp/truth"
for truth in "$c/truth/"*.json; do
  name=$(basename "$truth" .json)
  python3 "$src/tests/tools/truth_to_xml.py" --metadata "$tmp/truth/$name.metadata.xml" "$truth" "$tmp/truth/$name.xml" ||
    fail "truth_to_xml.py $name"
done
if python3 "$shared/tools/ahscore" --conv "$ahconv convert -f xml" "${mins[@]}" "$c/truth" "$tmp/truth/"*[0-9].xml; then
  pass "ahscore of the truth-built publisher XML"
else
  fail "ahscore of the truth-built publisher XML below 1.000"
fi
for f in "$tmp/truth/"*[0-9].xml; do "$ahconv" convert -o "${f%.xml}.out.xml" "$f" || fail "convert $f"; done
if "$src/tests/tools/validate_xml.sh" "$src/schema/aanhangsel.rng" "$tmp/"{pdf,html,xml}.xml \
     "$tmp/"{pdf,html,xml}.rec.xml "$tmp/truth/"*.out.xml >"$tmp/valid" 2>&1; then
  pass "schema: $(tail -1 "$tmp/valid")"
else
  fail "schema validation"; cat "$tmp/valid"
fi
echo "pubxml: $failures failed"
[ "$failures" -eq 0 ]
