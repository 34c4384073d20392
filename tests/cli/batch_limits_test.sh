#!/usr/bin/env bash
# ahconv batch: one bad file must not stall an archive run.
#  - an input that takes hours (tests/tools/make_slow_pdf.py: 2 KB, 10**9 drawing
#    operations) is killed at --timeout and reported "timed out after N s";
#    a new worker takes over and the run goes on;
#  - an input that needs more memory than --max-memory (a gzip file that
#    inflates to 150 MiB) is reported "exceeded M MiB" (not in sanitizer
#    builds: AddressSanitizer's shadow memory takes terabytes of address
#    space, so the limit is not set there);
#  - an argument that is not a regular file (a FIFO) is reported as failed
#    up front, never opened;
#  - a worker that dies while idle is replaced, not written to forever
#    (AHCONV_TEST_WORKER_EXIT: the test hook that makes a worker exit
#    between two tasks).
# Every run is under `timeout` (generous: a hang is a failure, not a stuck
# test; a slow machine is not); only the hanging input has a short limit.
# usage: batch_limits_test.sh AHCONV SAMPLE.pdf SANITIZED(0|1)
set -u
ahconv=$(realpath "$1")
pdf=$(realpath "$2")
sanitized=${3:-0}
here=$(dirname "$(realpath "$0")")
. "$(dirname "$0")/../tools/lib.sh"

mkdir -p "$tmp/good" "$tmp/odd"
for i in $(seq -w 1 20); do cp "$pdf" "$tmp/good/brief-$i.pdf"; done
python3 "$here/../tools/make_slow_pdf.py" "$tmp/odd/slow.pdf"
mkfifo "$tmp/odd/fifo.pdf"

# 1. -j1: the slow input first, so that the 20 good ones need the worker
#    started after the first was killed.  Only the slow input has the 2 s
#    limit (AHCONV_TEST_TIMEOUT_ONLY): a good one slowed by a busy machine
#    must not time out, and no wall clock is checked.
AHCONV_TEST_TIMEOUT_ONLY=/odd/slow.pdf timeout 600 "$ahconv" batch -j1 --timeout 2 --quiet -o "$tmp/L" \
  "$tmp/odd/slow.pdf" "$tmp/odd/fifo.pdf" "$tmp/good" 2>"$tmp/err"
rc=$?
report="$tmp/L/ahconv-report.csv"
want_err="ahconv: $tmp/odd/slow.pdf: timed out after 2 s
ahconv: $tmp/odd/fifo.pdf: not a regular file (a FIFO)"
if [ "$rc" -eq 2 ] && [ "$(grep -c ',ok,' "$report")" -eq 20 ] &&
   grep -qE "^$tmp/odd/slow.pdf,,failed,timed out after 2 s,,,,,,,[0-9.]+,,," "$report" &&
   grep -qE "^$tmp/odd/fifo.pdf,,failed,not a regular file \(a FIFO\),,,,,,,[0-9.]+,,," "$report" &&
   [ "$(head -2 "$tmp/err")" = "$want_err" ] &&
   grep -q '^ahconv batch: 22 inputs: 20 converted, 0 skipped (0 of them failed before), 2 failed, 0 not renditions; ' "$tmp/err"; then
  pass "20 good files, a hanging input and a FIFO: both failed with their reason, the rest converted, exit 2"
else
  fail "limits: exit $rc, $(head -5 "$tmp/err"), report: $(cat "$report" 2>/dev/null)"
fi
ls "$tmp/L/.ahconv-tmp" >/dev/null 2>&1 && fail "temporary folder left"

# a FIFO inside a folder is reported the same way
AHCONV_TEST_TIMEOUT_ONLY=/odd/slow.pdf timeout 600 "$ahconv" batch -j2 --quiet -o "$tmp/F" "$tmp/odd" --timeout 2 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -qE "^$tmp/odd/fifo.pdf,,failed,not a regular file \(a FIFO\)," "$tmp/F/ahconv-report.csv"; then
  pass "a FIFO found in a folder: failed, not opened"
else
  fail "FIFO in a folder: exit $rc, $(head -3 "$tmp/err")"
fi

# 2. memory: a gzip file that inflates to 150 MiB, --max-memory 128
if [ "$sanitized" = 1 ]; then
  echo "note: sanitizer build: --max-memory is not applied there; not checked"
else
  python3 - "$tmp/odd/big.html.gz" <<'EOF'
import sys, zlib
c = zlib.compressobj(9, zlib.DEFLATED, 31)
chunk = b" " * (1 << 20)
with open(sys.argv[1], "wb") as f:
    for _ in range(150):
        f.write(c.compress(chunk))
    f.write(c.flush())
EOF
  timeout 600 "$ahconv" batch -j1 --max-memory 128 --quiet -o "$tmp/M" "$tmp/odd/big.html.gz" "$tmp/good/brief-01.pdf" 2>"$tmp/err"
  rc=$?
  report="$tmp/M/ahconv-report.csv"
  if [ "$rc" -eq 2 ] && grep -qE "^$tmp/odd/big.html.gz,,failed,exceeded 128 MiB,,,,,,,[0-9.]+,,," "$report" &&
     grep -qE "^$tmp/good/brief-01.pdf,[0-9a-f]{64},ok," "$report"; then
    pass "a file over --max-memory: failed, exceeded 128 MiB; the next one converted"
  else
    fail "memory: exit $rc, $(head -3 "$tmp/err"), report: $(cat "$report" 2>/dev/null)"
  fi
fi

# 3. a worker that dies while idle (between two tasks) is replaced
timeout 600 env AHCONV_TEST_WORKER_EXIT=brief-03 "$ahconv" batch -j1 --quiet -o "$tmp/D" "$tmp/good" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c ',ok,' "$tmp/D/ahconv-report.csv")" -eq 20 ]; then
  pass "a worker gone between two tasks: replaced, all 20 converted"
else
  fail "idle worker death: exit $rc (124: hung), $(cat "$tmp/err")"
fi

# 4. usage
for bad in "--timeout x" "--timeout -1" "--max-memory 0x" "--timeout"; do
  # shellcheck disable=SC2086
  "$ahconv" batch -o "$tmp/U" $bad "$pdf" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq 2 ] && grep -q '^usage:' "$tmp/err" || fail "batch $bad: exit $rc, $(head -1 "$tmp/err")"
done

echo "batch_limits_test: $failures failed"
[ "$failures" -eq 0 ]
