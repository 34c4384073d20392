#!/usr/bin/env bash
# ahconv batch: one run per OUTDIR at a time.  A second run on an OUTDIR in
# use says which process holds it and exits 2 without touching anything
# (before, it removed the first run's temporary folder); the first run then
# completes.  The first run is held at a known point by the test hook
# AHCONV_TEST_HOLD_INPUT/AHCONV_TEST_HOLD_FIFO (tools/batch/worker.c).
# usage: batch_lock_test.sh AHCONV SAMPLE.pdf
set -u
ahconv=$(realpath "$1")
pdf=$(realpath "$2")
tmp=$(mktemp -d)
pid1=
trap '[ -n "$pid1" ] && kill -9 "$pid1" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

mkdir -p "$tmp/in"
cp "$pdf" "$tmp/in/a.pdf"
cp "$pdf" "$tmp/in/b.pdf"
mkfifo "$tmp/hold"
env AHCONV_TEST_HOLD_INPUT=/in/a.pdf AHCONV_TEST_HOLD_FIFO="$tmp/hold" \
  "$ahconv" batch -j1 --quiet -o "$tmp/out" "$tmp/in" 2>"$tmp/err1" &
pid1=$!
exec 3>"$tmp/hold" # returns when the first run's worker is held
timeout 30 "$ahconv" batch -j1 --quiet -o "$tmp/out" "$tmp/in" 2>"$tmp/err2"
rc2=$?
tmp_there=$([ -d "$tmp/out/.ahconv-tmp" ] && echo yes || echo no)
exec 3>&-
wait "$pid1"
rc1=$?
pid_held=$pid1
pid1=
want="ahconv: $tmp/out: in use by another ahconv batch (pid $pid_held)"
if [ "$rc2" -eq 2 ] && [ "$(cat "$tmp/err2")" = "$want" ] && [ "$tmp_there" = yes ]; then
  pass "a second run on the same OUTDIR: '$want', exit 2, the first run's files left alone"
else
  fail "second run: exit $rc2, stderr '$(cat "$tmp/err2")', want '$want'; the first run's temporary folder there: $tmp_there"
fi
if [ "$rc1" -eq 0 ] && [ "$(grep -c ',ok,' "$tmp/out/ahconv-report.csv")" -eq 2 ] && [ ! -e "$tmp/out/.ahconv-tmp" ] &&
   [ ! -s "$tmp/err1" ]; then
  pass "the first run completes: 2 outputs, exit 0"
else
  fail "first run: exit $rc1, $(cat "$tmp/err1")"
fi
# the lock is released with the run: the next run goes ahead
if timeout 30 "$ahconv" batch --quiet -o "$tmp/out" "$tmp/in" 2>"$tmp/err3"; then
  pass "after the first run: the next one runs"
else
  fail "after the first run: $(cat "$tmp/err3")"
fi

echo "batch_lock_test: $failures failed"
[ "$failures" -eq 0 ]
