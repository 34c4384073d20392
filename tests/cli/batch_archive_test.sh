#!/usr/bin/env bash
# ahconv batch on an archive as one is laid out: the sample in PDF and HTML
# in one folder, generated documents (ahgen) as PDF with the publisher's XML
# beside it and in the publisher's pdf/ xml/ layout, generated PDFs alone,
# an ODT-like file and a stray file, and, when ../shared is there, the
# corpus document in PDF, HTML, publisher XML with both metadata records
# and its ODT.  Converted with -j2, interrupted (SIGINT while an input is
# held, once an output exists), resumed, moved and converted again:
#  - one output per document, named by its id, no "-2" duplicates;
#  - the renditions of a document compared: the CSV says which rendition
#    was the source and that the others agree;
#  - every file in the CSV and the HTML report, the ODT and the stray file
#    with why they were not converted;
#  - exit 130 with how to go on, then 0; a moved archive is skipped whole
#    (inputs known by their bytes); a changed file at the same path is
#    converted again; renditions that differ give exit 1 and the report
#    shows the differences; a broken input exit 2;
#  - --csv-dialect nl: a byte-order mark and semicolons, read back with
#    Python's csv module.
# usage: batch_archive_test.sh AHCONV AHGEN SAMPLES_DIR TESTS_DIR [SHARED_CORPUS]
set -u
ahconv=$1
ahgen=$2
samples=$3
tests=$4
corpus=${5:-}
. "$(dirname "$0")/../tools/lib.sh"

# ---- the archive --------------------------------------------------------
arch=$tmp/archive
pubdir=$arch/pub/ah-tk/gen-12/1
mkdir -p "$arch/flat" "$pubdir/pdf" "$pubdir/xml" "$tmp/gen"
cp "$samples/ah-tk-20252026-9999.pdf" "$samples/ah-tk-20252026-9999.html" "$arch/flat/"
"$ahgen" --seed 11 --count 9 --out "$tmp/gen" >/dev/null || { echo "FAIL: ahgen"; exit 1; }
cp "$tmp/gen/gen-11.pdf" "$arch/flat/"
python3 "$tests/tools/own_to_pubxml.py" "$tmp/gen/gen-11.xml" "$arch/flat/gen-11.xml"
cp "$tmp/gen/gen-12.pdf" "$pubdir/pdf/"
python3 "$tests/tools/own_to_pubxml.py" "$tmp/gen/gen-12.xml" "$pubdir/xml/gen-12.xml"
for s in 13 14 15 16 17 18; do cp "$tmp/gen/gen-$s.pdf" "$arch/flat/"; done
printf 'PK\003\004 an ODT is a zip file\n' >"$arch/flat/brief.odt"
printf 'a note left in the archive\n' >"$arch/flat/notes.txt"
docs=9
if [ -n "$corpus" ] && [ -d "$corpus/official-xml" ]; then
  mkdir -p "$arch/corpus"
  cp "$corpus/pdf/ah-tk-20202021-3235.pdf" "$corpus/html/ah-tk-20202021-3235.html" \
     "$corpus/official-xml/ah-tk-20202021-3235"*.xml "$corpus/odt/ah-tk-20202021-3235.odt" "$arch/corpus/"
  docs=10
else
  echo "note: no corpus; the sample and generated documents only"
fi
# every file of the archive but the metadata records (read with their renditions)
files_of() { (cd "$1" && find . -type f ! -name '*.metadata.xml' ! -name '*.metadata_owms.xml' | sed 's#^\./##' | sort); }
n_files=$(files_of "$arch" | wc -l)
n_renditions=$(files_of "$arch" | grep -cE '\.(pdf|html|xml)$')

# the report's rows: path relative to ROOT, then the named columns
rows() {  # CSV ROOT COLUMN...
  python3 - "$@" <<'EOF'
import csv, sys
path, root, cols = sys.argv[1], sys.argv[2], sys.argv[3:]
raw = open(path, 'rb').read()
text = raw.decode('utf-8-sig')
delim = ';' if raw.startswith(b'\xef\xbb\xbf') else ','
rows = list(csv.reader(text.splitlines(True), delimiter=delim))
head = rows[0]
for r in rows[1:]:
    rec = dict(zip(head, r))
    rec['input'] = rec['input'].replace(root + '/', '', 1)
    print('|'.join(rec[c] for c in ['input'] + cols))
EOF
}
outputs() { (cd "$1" && find . -name '*.xml' -type f | sed 's#^\./##' | sort); }

# ---- 1. interrupted -----------------------------------------------------
out=$tmp/out
mkfifo "$tmp/hold"
env AHCONV_TEST_HOLD_INPUT=/gen-16.pdf AHCONV_TEST_HOLD_FIFO="$tmp/hold" \
  "$ahconv" batch -j2 --quiet -o "$out" "$arch" 2>"$tmp/err1" &
pid=$!
pids+=("$pid")
exec 3>"$tmp/hold" # returns when a worker holds gen-16.pdf
# an earlier document's output: the run is under way (no sleep: a poll)
until [ -n "$(find "$out" -name '*.xml' -newer "$tmp/hold" 2>/dev/null | head -1)" ]; do :; done
kill -INT "$pid"
wait "$pid"
rc=$?
exec 3>&-
done1=$(outputs "$out" | wc -l)
if [ "$rc" -eq 130 ] && [ "$done1" -ge 1 ] && [ "$done1" -lt "$docs" ] &&
   grep -q 'input.* left to convert; to go on, run the same command again' "$tmp/err1" &&
   grep -qF "ahconv batch -j2 --quiet -o $out $arch" "$tmp/err1" && [ ! -e "$out/.ahconv-tmp" ]; then
  pass "interrupted: exit 130 with $done1 of $docs documents done; the message says what is left and how to go on"
else
  fail "interrupt: exit $rc, $done1 outputs, $(cat "$tmp/err1")"
fi

# ---- 2. resumed ---------------------------------------------------------
"$ahconv" batch -j2 --quiet -o "$out" "$arch" 2>"$tmp/err2"
rc=$?
report=$out/ahconv-report.csv
n_out=$(outputs "$out" | wc -l)
dups=$(outputs "$out" | grep -cE -- '-[0-9]+\.xml$' | grep -v '^0$' || true)
if [ "$rc" -eq 0 ] && [ "$n_out" -eq "$docs" ] && [ -z "$(outputs "$out" | grep -E -- '-[2-9]\.xml$')" ]; then
  pass "resumed: exit 0, $n_out outputs for $docs documents, no duplicates"
else
  fail "resumed: exit $rc, $n_out outputs: $(outputs "$out" | tr '\n' ' ') $(cat "$tmp/err2")"
fi
# every file of the archive in the CSV, once
if [ "$(rows "$report" "$arch" | cut -d'|' -f1 | sort)" = "$(files_of "$arch")" ]; then
  pass "the CSV lists every file of the archive ($n_files)"
else
  fail "CSV inputs: $(rows "$report" "$arch" | cut -d'|' -f1 | sort | tr '\n' ' ')"
fi
# the sample: HTML the source (the rule: XML, HTML, PDF), the PDF agrees;
# the generated document in the publisher's layout: one output in the
# document's folder, the XML its source
got=$(rows "$report" "$arch" status role renditions_agree format formats output | grep -E '^(flat/ah-tk|pub/|flat/brief|flat/notes)')
id12=$(rows "$report" "$arch" id | grep 'xml/gen-12.xml' | cut -d'|' -f2)
want="flat/ah-tk-20252026-9999.html|ok|source|yes|html|html pdf|flat/ah-tk-20252026-9999.xml
flat/ah-tk-20252026-9999.pdf|ok|compared|yes|pdf|html pdf|flat/ah-tk-20252026-9999.xml
flat/brief.odt|not-converted|||||
flat/notes.txt|not-converted|||||
pub/ah-tk/gen-12/1/xml/gen-12.xml|ok|source|yes|xml|xml pdf|pub/ah-tk/gen-12/1/$id12.xml
pub/ah-tk/gen-12/1/pdf/gen-12.pdf|ok|compared|yes|pdf|xml pdf|pub/ah-tk/gen-12/1/$id12.xml"
# (rows of skipped inputs say "skipped": the resumed run skips what run 1 did)
got=$(echo "$got" | sed 's/|skipped|/|ok|/')
if [ "$got" = "$want" ]; then
  pass "one document from two renditions, the rule's source, the others compared; the ODT and stray file listed"
else
  fail "rows:
$got
want:
$want"
fi
why=$(rows "$report" "$arch" error | grep 'brief.odt')
[ "$why" = "flat/brief.odt|not a rendition (.odt): only PDF, HTML and the publisher's XML are converted" ] &&
  pass "the ODT: why it was not converted" || fail "ODT: $why"
if [ "$docs" -eq 10 ]; then
  c=$(rows "$report" "$arch" role renditions_agree | grep '^corpus/' | tr '\n' ' ')
  want_c="corpus/ah-tk-20202021-3235.xml|source|yes corpus/ah-tk-20202021-3235.html|compared|yes corpus/ah-tk-20202021-3235.pdf|compared|yes corpus/ah-tk-20202021-3235.odt|| "
  [ "$c" = "$want_c" ] && pass "corpus: XML, HTML and PDF one document; the ODT listed" || fail "corpus rows: $c"
fi
# the catalogue: the sample's fields
cat=$(rows "$report" "$arch" id title ingezonden ontvangen askers ontvangers answerer answered_by_mededeling pages | grep 'flat/ah-tk-20252026-9999.pdf')
want_cat="flat/ah-tk-20252026-9999.pdf|ah-tk-20252026-9999|het bericht «Nieuwe sluizen vertraagd»|2025-09-03|2025-09-24|Jansen (VVD); De Vries-van Dam (GroenLinks-PvdA)|Minister van Infrastructuur en Waterstaat; Staatssecretaris van Financiën|Bakker (Minister)|no|3"
[ "$cat" = "$want_cat" ] && pass "catalogue columns" || fail "catalogue: $cat"

# ---- 3. moved: every input known by its bytes ---------------------------
mv "$arch" "$tmp/moved"
arch=$tmp/moved
before=$(outputs "$out")
"$ahconv" batch -j2 --quiet -o "$out" "$arch" 2>"$tmp/err3"
rc=$?
skipped=$(rows "$report" "$arch" status | grep -c '|skipped$')
if [ "$rc" -eq 0 ] && [ "$skipped" -eq "$n_renditions" ] && [ "$(outputs "$out")" = "$before" ]; then
  pass "moved: all $skipped renditions skipped, no new output, exit 0"
else
  fail "moved: exit $rc, $skipped of $n_renditions skipped, outputs: $(outputs "$out" | tr '\n' ' ')"
fi

# ---- 4. a changed file at the same path is converted again --------------
cp "$tmp/gen/gen-19.pdf" "$arch/flat/gen-13.pdf"
"$ahconv" batch -j2 --quiet -o "$out" "$arch" 2>"$tmp/err4"
rc=$?
st=$(rows "$report" "$arch" status | grep 'flat/gen-13.pdf')
if [ "$rc" -eq 0 ] && [ "$st" = "flat/gen-13.pdf|ok" ] && [ "$(rows "$report" "$arch" status | grep -c '|ok$')" -eq 1 ]; then
  pass "a changed file at the same path: converted again, the rest skipped"
else
  fail "changed file: exit $rc, $st"
fi

# ---- 5. renditions that differ: exit 1, the report shows them -----------
mkdir -p "$arch/differ"
cp "$samples/ah-tk-20252026-9999.pdf" "$arch/differ/"
sed 's/vertraagd/uitgesteld/' "$samples/ah-tk-20252026-9999.html" >"$arch/differ/ah-tk-20252026-9999.html"
"$ahconv" batch -j2 --quiet --html --csv-dialect nl -o "$out" "$arch" 2>"$tmp/err5"
rc=$?
agree=$(rows "$report" "$arch" renditions_agree | grep '^differ/' | tr '\n' ' ')
page=$out/ahconv-report.html
if [ "$rc" -eq 1 ] && [ "$agree" = "differ/ah-tk-20252026-9999.html|no differ/ah-tk-20252026-9999.pdf|no " ] &&
   grep -q ' — [1-9][0-9]* differences\? from the source:<pre>' "$page" && grep -q 'uitgesteld' "$page" &&
   grep -q 'href="differ/ah-tk-20252026-9999.verify.html"' "$page" &&
   [ -s "$out/differ/ah-tk-20252026-9999.verify.html" ]; then
  pass "renditions that differ: exit 1; the report shows the differences and links the verify page"
else
  fail "differ: exit $rc, agree '$agree', $(cat "$tmp/err5")"
fi
# the verify page marks only the words that differ (not the unchanged words
# between two differences), and shows the printed page
vp=$out/differ/ah-tk-20252026-9999.verify.html
marked=$(grep -o '<strong class="d"[^>]*>[^<]*</strong>' "$vp" | sed 's/<[^>]*>//g' | sort | uniq -c | awk '{print $1 " " $2}' | tr '\n' ' ')
if [ "$marked" = "1 bold, 2 uitgesteld» 2 vertraagd» " ] && grep -q '<img src="data:image/png' "$vp"; then
  pass "the verify page: only the differing words marked, with the printed page"
else
  fail "verify page marks: $marked"
fi
# the page: the run's facts, every input
missing=0
for f in $(files_of "$arch"); do grep -qF "$(basename "$f")" "$page" || { missing=1; echo "  not in the page: $f"; }; done
if [ "$missing" -eq 0 ] && grep -q '<dt>ahconv</dt><dd>[0-9]' "$page" && grep -q '<dt>Run</dt><dd>20[0-9][0-9]-' "$page" &&
   grep -qF -- "--csv-dialect nl -o" "$page" && grep -qF "<dt>Source folders</dt><dd>" "$page"; then
  pass "the HTML report: run date, version, command, source folder, every input"
else
  fail "HTML report facts"
fi
# --csv-dialect nl: what a Dutch-locale spreadsheet opens
if python3 - "$report" "$(files_of "$arch" | wc -l)" <<'EOF'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no byte-order mark'
rows = list(csv.reader(raw.decode('utf-8-sig').splitlines(True), delimiter=';'))
assert rows[0][:3] == ['input', 'sha256', 'status'], rows[0][:3]
assert len(rows) - 1 == int(sys.argv[2]), (len(rows) - 1, sys.argv[2])
assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'
secs = [r[rows[0].index('seconds')] for r in rows[1:]]
assert all(',' in s and '.' not in s for s in secs), secs[:3]
EOF
then
  pass "--csv-dialect nl: byte-order mark, semicolons, decimal commas; every row as wide as the header"
else
  fail "--csv-dialect nl"
fi

# ---- 6. a broken input: exit 2 -----------------------------------------
printf '%%PDF-1.4\nnot really\n' >"$arch/flat/broken.pdf"
"$ahconv" batch -j2 --quiet -o "$out" "$arch" 2>"$tmp/err6"
rc=$?
[ "$rc" -eq 2 ] && grep -qF "ahconv: $arch/flat/broken.pdf: truncated PDF" "$tmp/err6" &&
  pass "a broken input: exit 2, named" || fail "broken: exit $rc, $(cat "$tmp/err6")"

# ---- 7. a bundle: a PDF holding two documents ----------------------------
# batch splits it: one output per document, named by its own id, its XML
# that of the document converted alone but for its bron (the bundle's file
# and the pages in it); a CSV row each with its pages; the input claimed
# done by its bytes, so a rerun and a moved copy write nothing new; --bag
# gives a PREMIS record (an event) per document and a valid bag.
mkdir -p "$tmp/bundle"
qpdf --empty --pages "$tmp/gen/gen-14.pdf" "$tmp/gen/gen-15.pdf" -- "$tmp/bundle/two.pdf" 2>/dev/null
id_of() { "$ahconv" convert "$1" | grep -o 'id="[^"]*"' | head -1 | cut -d'"' -f2; }
id14=$(id_of "$tmp/gen/gen-14.pdf")
id15=$(id_of "$tmp/gen/gen-15.pdf")
p14=$(qpdf --show-npages "$tmp/gen/gen-14.pdf")
p15=$(qpdf --show-npages "$tmp/gen/gen-15.pdf")
no_bron() { grep -v '<bron ' "$1"; }
names() { printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' '; } # NAME... sorted, one line
listing() { (cd "$1" && LC_ALL=C ls | tr '\n' ' '); }
"$ahconv" batch -j2 --quiet -o "$tmp/BO" "$tmp/bundle" 2>"$tmp/err7"
rc1=$?
files=$(listing "$tmp/BO")
got=$(rows "$tmp/BO/ahconv-report.csv" "$tmp/bundle" status id format bundle_pages output)
want="two.pdf|ok|$id14|pdf|1-$p14|$id14.xml
two.pdf|ok|$id15|pdf|$((p14 + 1))-$((p14 + p15))|$id15.xml"
sha=$(sha256sum "$tmp/bundle/two.pdf" | cut -d' ' -f1)
shas=$(rows "$tmp/BO/ahconv-report.csv" "$tmp/bundle" file_sha256 | cut -d'|' -f2 | sort -u)
if [ "$rc1" = 0 ] && [ "$files" = "$(names "$id14.xml" "$id15.xml" ahconv-report.csv)" ] && [ "$got" = "$want" ] &&
   [ "$shas" = "$sha" ]; then
  pass "a bundle: exit 0, two outputs named by their ids, a CSV row each with its pages"
else
  fail "bundle: exit $rc1, files: $files, rows:
$got
want:
$want
$(cat "$tmp/err7")"
fi
"$ahconv" convert "$tmp/gen/gen-14.pdf" >"$tmp/alone14.xml"
"$ahconv" convert "$tmp/gen/gen-15.pdf" >"$tmp/alone15.xml"
if [ "$(no_bron "$tmp/BO/$id14.xml")" = "$(no_bron "$tmp/alone14.xml")" ] &&
   [ "$(no_bron "$tmp/BO/$id15.xml")" = "$(no_bron "$tmp/alone15.xml")" ] &&
   grep -qF "bestand=\"two.pdf\" paginas=\"$p15\" pagina-van=\"$((p14 + 1))\" pagina-tot=\"$((p14 + p15))\"" "$tmp/BO/$id15.xml"; then
  pass "a bundle's documents: the XML of each converted alone, but for bron (file and pages)"
else
  fail "bundle XML differs: $(diff "$tmp/BO/$id15.xml" "$tmp/alone15.xml" | head -5)"
fi
# resumed and moved: skipped by its bytes, nothing new written
before=$(cd "$tmp/BO" && ls -l --time-style=+%s.%N "$id14.xml" "$id15.xml")
"$ahconv" batch -j2 --quiet -o "$tmp/BO" "$tmp/bundle" 2>/dev/null
rc2=$?
st2=$(rows "$tmp/BO/ahconv-report.csv" "$tmp/bundle" status | tr '\n' ' ')
mkdir -p "$tmp/elsewhere"
cp "$tmp/bundle/two.pdf" "$tmp/elsewhere/copy.pdf"
"$ahconv" batch -j2 --quiet -o "$tmp/BO" "$tmp/elsewhere" 2>/dev/null
rc3=$?
st3=$(rows "$tmp/BO/ahconv-report.csv" "$tmp/elsewhere" status output | tr '\n' ' ')
files3=$(listing "$tmp/BO")
after=$(cd "$tmp/BO" && ls -l --time-style=+%s.%N "$id14.xml" "$id15.xml")
if [ "$rc2$rc3" = 00 ] && [ "$st2" = "two.pdf|skipped two.pdf|skipped " ] &&
   [ "$st3" = "copy.pdf|skipped|$id14.xml copy.pdf|skipped|$id15.xml " ] && [ "$files3" = "$files" ] &&
   [ "$before" = "$after" ]; then
  pass "a bundle resumed and moved: skipped, no new output"
else
  fail "bundle rerun: exits $rc2 $rc3, $st2 / $st3 / $files3"
fi
# --bag: a PREMIS record per document, a valid bag
"$ahconv" batch -j2 --quiet --bag -o "$tmp/BB" "$tmp/bundle" 2>/dev/null
rc=$?
premis=$(listing "$tmp/BB/data/premis")
events=$(cat "$tmp/BB/data/premis/"*.premis.xml | grep -c '<eventType>normalization</eventType>')
if [ "$rc" = 0 ] && python3 "$tests/tools/bagit_check.py" "$tmp/BB" >/dev/null &&
   [ "$premis" = "$(names "$id14.premis.xml" "$id15.premis.xml")" ] && [ "$events" = 2 ] &&
   [ -f "$tmp/BB/data/$id14.xml" ] && [ -f "$tmp/BB/data/$id15.xml" ]; then
  pass "a bundle in a bag: two PREMIS events, the bag valid"
else
  fail "bundle bag: exit $rc, premis: $premis, events: $events"
fi
# -f pdf: a clean PDF per document, named by its id
"$ahconv" batch -j2 --quiet -f pdf -o "$tmp/BP" "$tmp/bundle" 2>"$tmp/err11"
rc=$?
if [ "$rc" = 0 ] && [ "$(listing "$tmp/BP")" = "$(names "$id14.pdf" "$id15.pdf" ahconv-report.csv)" ] &&
   [ "$(rows "$tmp/BP/ahconv-report.csv" "$tmp/bundle" status | tr '\n' ' ')" = "two.pdf|ok two.pdf|ok " ]; then
  pass "a bundle with -f pdf: a clean PDF per document, named by its id"
else
  fail "bundle -f pdf: exit $rc, $(listing "$tmp/BP"), $(cat "$tmp/err11")"
fi
# the limits are the whole bundle's: held after its first document (the
# FIFO kept open here, so the worker's read never ends) past --timeout, it
# fails whole, one row, no output and no temporary file left
mkfifo "$tmp/hold7"
exec 4<>"$tmp/hold7"
env AHCONV_TEST_HOLD_INPUT='two.pdf#2' AHCONV_TEST_HOLD_FIFO="$tmp/hold7" AHCONV_TEST_TIMEOUT_ONLY=two.pdf \
  "$ahconv" batch -j1 --quiet --timeout 1 -o "$tmp/BT" "$tmp/bundle" 2>"$tmp/err10"
rc=$?
exec 4>&-
got=$(rows "$tmp/BT/ahconv-report.csv" "$tmp/bundle" status error output | tr '\n' ' ')
if [ "$rc" = 2 ] && [ "$got" = "two.pdf|failed|timed out after 1 s| " ] &&
   [ "$(listing "$tmp/BT")" = "ahconv-report.csv " ]; then
  pass "a bundle over --timeout: failed whole (its first document's output dropped), exit 2"
else
  fail "bundle timeout: exit $rc, $got, $(listing "$tmp/BT")"
fi
# a part that fails: the other is written, the failure names its pages, exit 2
AHCONV_TEST_PART_FAIL=2 "$ahconv" batch -j1 --quiet -o "$tmp/BF" "$tmp/bundle" 2>"$tmp/err8"
rc=$?
got=$(rows "$tmp/BF/ahconv-report.csv" "$tmp/bundle" status error bundle_pages output)
want="two.pdf|ok||1-$p14|$id14.xml
two.pdf|failed|document 2 of 2 (pages $((p14 + 1))-$((p14 + p15))): no publication id|$((p14 + 1))-$((p14 + p15))|"
if [ "$rc" = 2 ] && [ "$got" = "$want" ] && [ "$(listing "$tmp/BF")" = "$(names "$id14.xml" ahconv-report.csv)" ] &&
   grep -qF "ahconv: $tmp/bundle/two.pdf: document 2 of 2 (pages $((p14 + 1))-$((p14 + p15))): no publication id" "$tmp/err8"; then
  pass "a bundle with a failing part: the other written, the failure a row naming its pages, exit 2"
else
  fail "failing part: exit $rc, rows:
$got
want:
$want"
fi
# a separately given document of a bundle's id (in two renditions): one
# output for the id, the later document listed as a duplicate, each of its
# renditions (exit 1)
mkdir -p "$tmp/dup/zz"
cp "$tmp/bundle/two.pdf" "$tmp/dup/"
cp "$tmp/gen/gen-15.pdf" "$tmp/dup/zz/"
python3 "$tests/tools/own_to_pubxml.py" "$tmp/gen/gen-15.xml" "$tmp/dup/zz/gen-15.xml"
"$ahconv" batch -j2 --quiet -o "$tmp/BD" "$tmp/dup" 2>"$tmp/err9"
rc=$?
got=$(rows "$tmp/BD/ahconv-report.csv" "$tmp/dup" status error output)
want="two.pdf|ok||$id14.xml
two.pdf|ok||$id15.xml
zz/gen-15.xml|duplicate|duplicate: $id15 is the document of $tmp/dup/two.pdf already (not written twice)|
zz/gen-15.pdf|duplicate|duplicate: $id15 is the document of $tmp/dup/two.pdf already (not written twice)|"
outs=$(cd "$tmp/BD" && find . -name '*.xml' | LC_ALL=C sort | tr '\n' ' ')
"$ahconv" batch -j2 --quiet -o "$tmp/BD" "$tmp/dup" 2>/dev/null
rc2=$?
got2=$(rows "$tmp/BD/ahconv-report.csv" "$tmp/dup" status | tr '\n' ' ')
if [ "$rc$rc2" = 11 ] && [ "$got" = "$want" ] && [ "$outs" = "$(names "./$id14.xml" "./$id15.xml")" ] &&
   [ "$got2" = "two.pdf|skipped two.pdf|skipped zz/gen-15.xml|duplicate zz/gen-15.pdf|duplicate " ]; then
  pass "a bundle's id given again: one output, the other listed as a duplicate (exit 1, also on a rerun)"
else
  fail "duplicate: exits $rc $rc2, outputs $outs, rows:
$got
want:
$want
rerun: $got2"
fi

echo "batch_archive_test: $failures failed"
[ "$failures" -eq 0 ]
