#!/usr/bin/env bash
# ahconv batch: which inputs a run finds and how it names them to its workers.
#  - any byte but NUL in a path works: a newline or a tab in a file name
#    reaches the worker as part of that name (the protocol is framed), the
#    input gets its own result, and a rerun skips it (the state file keeps
#    the name whole);
#  - folders are known by device and inode: a link to a folder above (or to
#    itself) is followed once, no loop, no duplicate output;
#  - a dangling symbolic link is reported as failed;
#  - an input is known by its canonical path: `in`, `./in` and the absolute
#    path are one input, so a rerun under another spelling skips everything.
# Every run is under `timeout`: a hang is a failure, not a stuck test.
# usage: batch_walk_test.sh AHCONV SAMPLE.pdf SAMPLE.html
set -u
ahconv=$(realpath "$1")
pdf=$(realpath "$2")
html=$(realpath "$3")
. "$(dirname "$0")/../tools/lib.sh"
sha_pdf=$(sha256sum <"$pdf" | cut -d' ' -f1)
sha_html=$(sha256sum <"$html" | cut -d' ' -f1)
csv_rows() { python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))) - 1)' "$1/ahconv-report.csv"; }
# whether the report has a row whose first three fields are these
has_row() { python3 -c 'import csv,sys; r=[x[:3] for x in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))]; sys.exit(0 if sys.argv[2:5] in r else 1)' "$@"; }

# 1. a newline and a tab in file names
nl=$'\n' tab=$'\t'
mkdir -p "$tmp/names"
cp "$pdf" "$tmp/names/a${nl}b.pdf"
cp "$html" "$tmp/names/c${tab}d.html"
cp "$pdf" "$tmp/names/plain.pdf"
cp "$html" "$tmp/names/x${nl}1${tab}2.html"
timeout 30 "$ahconv" batch -j2 --quiet -o "$tmp/N" "$tmp/names" 2>"$tmp/err"
rc=$?
report="$tmp/N/ahconv-report.csv"
# a line break in a path stays in the report, in quotes (RFC 4180: a CSV
# reader gives the path back as it is); a tab is kept (no quoting needed)
if [ "$rc" -eq 0 ] && [ "$(csv_rows "$tmp/N")" -eq 4 ] &&
   has_row "$report" "$tmp/names/a${nl}b.pdf" "$sha_pdf" ok &&
   grep -qF "\"$tmp/names/a" "$report" &&
   grep -qF "$tmp/names/c${tab}d.html,$sha_html,ok," "$report" &&
   grep -qF "$tmp/names/plain.pdf,$sha_pdf,ok," "$report" &&
   has_row "$report" "$tmp/names/x${nl}1${tab}2.html" "$sha_html" ok; then
  pass "a newline and a tab in file names: each input converted as itself"
else
  fail "names: exit $rc, $(cat "$tmp/err"), report: $(cat "$report" 2>/dev/null)"
fi
timeout 30 "$ahconv" batch -j2 --quiet -o "$tmp/N" "$tmp/names" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c ',skipped,' "$report")" -eq 4 ]; then
  pass "names: the rerun skips all 4"
else
  fail "names rerun: exit $rc, $(cat "$tmp/err"), report: $(cat "$report")"
fi

# 2. links in the walk.  in/ holds a PDF, an HTML page, a link to itself,
#    a second one, and sub/ with a link back up and a link to a file
#    outside; folders are walked once each, files once each
xmls() { find "$1" -name '*.xml' | wc -l; }
mkdir -p "$tmp/links/in/sub" "$tmp/links/other"
cp "$pdf" "$tmp/links/in/a.pdf"
cp "$html" "$tmp/links/in/b.html"
cp "$pdf" "$tmp/links/other/outside.pdf"
ln -s . "$tmp/links/in/self"
timeout 30 "$ahconv" batch -j2 --quiet -o "$tmp/S1" "$tmp/links/in" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(xmls "$tmp/S1")" -eq 2 ] && [ "$(csv_rows "$tmp/S1")" -eq 2 ]; then
  pass "a link to its own folder: followed once, 2 outputs"
else
  fail "one self-link: exit $rc, $(xmls "$tmp/S1") outputs, $(csv_rows "$tmp/S1" 2>/dev/null) rows, $(head -3 "$tmp/err")"
fi
ln -s . "$tmp/links/in/self2"
ln -s .. "$tmp/links/in/sub/up"
ln -s ../../other/outside.pdf "$tmp/links/in/sub/outside.pdf"
ln -s ../a.pdf "$tmp/links/in/sub/again.pdf"
timeout 30 "$ahconv" batch -j2 --quiet -o "$tmp/S2" "$tmp/links/in" 2>"$tmp/err"
rc=$?
# a.pdf, b.html, sub/outside.pdf (through its link); sub/again.pdf is a.pdf
if [ "$rc" -eq 0 ] && [ "$(xmls "$tmp/S2")" -eq 3 ] && [ "$(csv_rows "$tmp/S2")" -eq 3 ] &&
   grep -qE "^$tmp/links/in/sub/outside.pdf,$sha_pdf,ok," "$tmp/S2/ahconv-report.csv"; then
  pass "two self-links, a link up, links to files: each folder and file once, 3 outputs"
else
  fail "links: exit $rc (124: still walking), $(xmls "$tmp/S2") outputs, $(head -3 "$tmp/err")"
fi

# 3. a dangling link named like an input is reported
ln -s "$tmp/nowhere.pdf" "$tmp/links/in/gone.pdf"
timeout 30 "$ahconv" batch -j2 --quiet -o "$tmp/S3" "$tmp/links/in" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -qE "^$tmp/links/in/gone.pdf,,failed,dangling symbolic link,,,,,,,[0-9.]+,,," "$tmp/S3/ahconv-report.csv" &&
   [ "$(head -1 "$tmp/err")" = "ahconv: $tmp/links/in/gone.pdf: dangling symbolic link" ]; then
  pass "a dangling link: failed in the report, exit 2"
else
  fail "dangling link: exit $rc, $(cat "$tmp/err")"
fi
rm "$tmp/links/in/gone.pdf"

# 4. one input under three spellings: the reruns skip everything
mkdir -p "$tmp/spell/in/sub"
cp "$pdf" "$tmp/spell/in/a.pdf"
cp "$html" "$tmp/spell/in/sub/b.html"
(cd "$tmp/spell" && timeout 30 "$ahconv" batch --quiet -o out in 2>"$tmp/err")
rc1=$?
(cd "$tmp/spell" && timeout 30 "$ahconv" batch --quiet -o out ./in 2>"$tmp/err")
rc2=$?
skipped2=$(grep -c ',skipped,' "$tmp/spell/out/ahconv-report.csv")
(cd / && timeout 30 "$ahconv" batch --quiet -o "$tmp/spell/out" "$tmp/spell/in/" 2>"$tmp/err")
rc3=$?
skipped3=$(grep -c ',skipped,' "$tmp/spell/out/ahconv-report.csv")
if [ "$rc1$rc2$rc3" = 000 ] && [ "$skipped2" -eq 2 ] && [ "$skipped3" -eq 2 ] && [ "$(xmls "$tmp/spell/out")" -eq 2 ]; then
  pass "in, ./in and the absolute path are one input: reruns skip all"
else
  fail "spellings: exits $rc1 $rc2 $rc3, skipped $skipped2 and $skipped3, $(xmls "$tmp/spell/out") outputs"
fi
# a state file of an earlier version: inputs as given (relative), 13 fields
sed -e "s|$tmp/spell/in/|in/|" -e 's/\tescaped$//' "$tmp/spell/out/.ahconv-state" >"$tmp/old-state"
cp "$tmp/old-state" "$tmp/spell/out/.ahconv-state"
(cd "$tmp/spell" && timeout 30 "$ahconv" batch --quiet -o out in 2>"$tmp/err")
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q "$tmp" "$tmp/old-state" && [ "$(grep -c ',skipped,' "$tmp/spell/out/ahconv-report.csv")" -eq 2 ]; then
  pass "an earlier version's state file (relative inputs): still skipped"
else
  fail "old state file: exit $rc, $(cat "$tmp/err"), state: $(cat "$tmp/old-state")"
fi

echo "batch_walk_test: $failures failed"
[ "$failures" -eq 0 ]
