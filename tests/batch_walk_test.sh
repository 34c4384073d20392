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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
sha_pdf=$(sha256sum <"$pdf" | cut -d' ' -f1)
sha_html=$(sha256sum <"$html" | cut -d' ' -f1)
csv_rows() { tail -n +2 "$1/ahconv-report.csv" | grep -c .; }

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
# a line break in a path is a space in the report (one input, one line);
# a tab is kept (no CSV quoting needed)
if [ "$rc" -eq 0 ] && [ "$(csv_rows "$tmp/N")" -eq 4 ] &&
   grep -qF "\"$tmp/names/a b.pdf\",$sha_pdf,ok," "$report" &&
   grep -qF "$tmp/names/c${tab}d.html,$sha_html,ok," "$report" &&
   grep -qF "$tmp/names/plain.pdf,$sha_pdf,ok," "$report" &&
   grep -qF "\"$tmp/names/x 1${tab}2.html\",$sha_html,ok," "$report"; then
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

echo "batch_walk_test: $failures failed"
[ "$failures" -eq 0 ]
