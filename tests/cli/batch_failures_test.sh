#!/usr/bin/env bash
# ahconv batch: what a rerun does with what failed.
#  - a failure of the document (damaged, not an Aanhangsel, ...) stands
#    until the file changes: the rerun skips it ("failed before: ...");
#  - a failure over a limit stands while the limit is no larger;
#  - a failure of the machine is tried again: a file that could not be read
#    (a permission, fixed since) is converted by the next run;
#  - a full disk stops the run with one message, fails no input, and the
#    next run (with room again) converts the rest.
# The permission case runs ahconv as user nobody when the test runs as root
# (root reads any file); the full disk is a 1 MiB tmpfs mounted in a
# private mount namespace (unshare -m): its own test (PART full-disk),
# which exits 77 (skipped) only when that tmpfs cannot be mounted; any
# other trouble of that run is a failure.
# usage: batch_failures_test.sh AHCONV SAMPLE.pdf [rerun|full-disk]
set -u
ahconv=$(realpath "$1")
pdf=$(realpath "$2")
part=${3:-rerun}
here=$(dirname "$(realpath "$0")")
tmp=$(mktemp -d)
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
failures=0
pass() { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
row() { grep -F "$1," "$2/ahconv-report.csv" | head -1 | cut -d, -f1-13; }

mkdir -p "$tmp/in"
cp "$pdf" "$tmp/in/good.pdf"
if [ "$part" = rerun ]; then
# 1. a document failure and a timeout stand; the rerun skips both (only the
#    slow input has the 2 s limit: AHCONV_TEST_TIMEOUT_ONLY)
printf '%%PDF-1.4\nnot really\n' >"$tmp/in/corrupt.pdf"
python3 "$here/../tools/make_slow_pdf.py" "$tmp/in/slow.pdf"
export AHCONV_TEST_TIMEOUT_ONLY=/in/slow.pdf
timeout 600 "$ahconv" batch -j2 --timeout 2 --quiet -o "$tmp/A" "$tmp/in" 2>/dev/null
rc1=$?
timeout 600 "$ahconv" batch -j2 --timeout 2 --quiet -o "$tmp/A" "$tmp/in" 2>"$tmp/err"
rc2=$?
if [ "$rc1$rc2" = 22 ] &&
   [ "$(row "$tmp/in/corrupt.pdf" "$tmp/A")" = "$tmp/in/corrupt.pdf,,skipped,failed before: truncated PDF (no %%EOF at the end),,,,,,,0.000,," ] &&
   [ "$(row "$tmp/in/slow.pdf" "$tmp/A")" = "$tmp/in/slow.pdf,,skipped,failed before: timed out after 2 s,,,,,,,0.000,," ] &&
   row "$tmp/in/good.pdf" "$tmp/A" | grep -q ',skipped,'; then
  pass "a damaged file and a timeout are skipped by the rerun (same limit)"
else
  fail "document and limit failures: exits $rc1 $rc2, $(cat "$tmp/A/ahconv-report.csv")"
fi
rm "$tmp/in/slow.pdf"
unset AHCONV_TEST_TIMEOUT_ONLY

# 2. a file that cannot be read is tried again by the next run
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$ahconv" 2>/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else
    as_user=(none)
  fi
fi
if [ "${as_user[0]:-}" = none ]; then
  echo "note: root, and ahconv cannot be run as nobody; the permission case is not checked"
else
  mkdir -m 777 "$tmp/P"
  cp "$pdf" "$tmp/in/locked.pdf"
  chmod 000 "$tmp/in/locked.pdf"
  "${as_user[@]}" "$ahconv" batch -j1 --quiet -o "$tmp/P" "$tmp/in/locked.pdf" "$tmp/in/good.pdf" 2>"$tmp/err"
  rc1=$?
  first=$(row "$tmp/in/locked.pdf" "$tmp/P")
  chmod 644 "$tmp/in/locked.pdf"
  "${as_user[@]}" "$ahconv" batch -j1 --quiet -o "$tmp/P" "$tmp/in/locked.pdf" "$tmp/in/good.pdf" 2>"$tmp/err"
  rc2=$?
  if [ "$rc1$rc2" = 20 ] && [[ "$first" =~ ^"$tmp/in/locked.pdf,,failed,cannot open: Permission denied,,,,,,,"[0-9.]+",,"$ ]] &&
     row "$tmp/in/locked.pdf" "$tmp/P" | grep -q ',ok,'; then
    pass "a permission fixed since: the rerun converts the file"
  else
    fail "permission: exits $rc1 $rc2, first '$first', then: $(cat "$tmp/P/ahconv-report.csv"), $(cat "$tmp/err")"
  fi
fi

fi

# 3. a full disk: one message, no input failed, the rerun completes
if [ "$part" = full-disk ]; then
mkdir -p "$tmp/many" "$tmp/disk"
for i in $(seq -w 1 20); do cp "$pdf" "$tmp/many/brief-$i.pdf"; done
cat >"$tmp/full.sh" <<EOF
set -u
mount -t tmpfs -o size=1m tmpfs "$tmp/disk" || exit 77
echo mounted >"$tmp/mounted"
mkdir "$tmp/disk/out"
# leave room for a few outputs (8 KiB each on this tmpfs) and the state file
head -c \$((1024 * 1024 - 48 * 1024)) /dev/zero >"$tmp/disk/filler" 2>/dev/null
"$ahconv" batch -j2 --quiet -o "$tmp/disk/out" "$tmp/many" 2>"$tmp/err1"
echo \$? >"$tmp/rc1"
cp "$tmp/disk/out/.ahconv-state" "$tmp/state1"
rm "$tmp/disk/filler"
"$ahconv" batch -j2 --quiet -o "$tmp/disk/out" "$tmp/many" 2>"$tmp/err2"
echo \$? >"$tmp/rc2"
cp "$tmp/disk/out/ahconv-report.csv" "$tmp/report2"
# grep -c exits 1 when it counts none: that count is a result, not a failure
ls "$tmp/disk/out" | grep -c '\.xml\$' >"$tmp/outputs"
exit 0
EOF
if ! command -v unshare >/dev/null; then
  echo "skipped: no unshare(1); the full disk is not checked"
  exit 77
fi
unshare -m --propagation private bash "$tmp/full.sh" 2>"$tmp/mount-err"
rc=$?
if [ "$rc" -ne 0 ] && [ ! -e "$tmp/mounted" ]; then
  echo "skipped: cannot mount a tmpfs in a private mount namespace (not root?); the full disk is not checked: $(head -1 "$tmp/mount-err")"
  exit 77
fi
if [ "$rc" -ne 0 ]; then
  fail "full disk: the run in the mount namespace ended with $rc: $(cat "$tmp/mount-err")"
else
  rc1=$(cat "$tmp/rc1") rc2=$(cat "$tmp/rc2")
  first=$(head -1 "$tmp/err1")
  if [ "$rc1" -eq 2 ] &&
     [[ "$first" =~ ^"ahconv: $tmp/disk/out: no space left on device; stopped with "[0-9]+" inputs not done (run again when there is room)"$ ]] &&
     ! grep -q "^ahconv: $tmp/many/" "$tmp/err1" && ! grep -q 'No space' "$tmp/state1" &&
     grep -q 'not done: no space left on device' "$tmp/err1"; then
    pass "a full disk: one message, no input failed or claimed as failed, exit 2"
  else
    fail "full disk: exit $rc1, stderr: $(cat "$tmp/err1"), state: $(cat "$tmp/state1")"
  fi
  if [ "$rc2" -eq 0 ] && [ "$(cat "$tmp/outputs")" -eq 20 ] && ! grep -q ',failed,' "$tmp/report2" &&
     ! grep -q 'failed before' "$tmp/report2"; then
    pass "room again: the rerun converts the rest, 20 outputs, exit 0"
  else
    fail "after the full disk: exit $rc2, $(cat "$tmp/outputs") outputs, $(cat "$tmp/err2"), report: $(cat "$tmp/report2")"
  fi
fi
fi

# 5. the renditions of one document are compared in the worker, under
#    --timeout like the conversion (the comparison once ran in a child of
#    its own with a fixed 300 s and no death with the parent): an HTML
#    page with a PDF that hangs fails both, "timed out after 2 s"
mkdir -p "$tmp/slowdoc"
python3 "$here/../tools/make_slow_pdf.py" "$tmp/slowdoc/x.pdf"
printf '<html><body><p>not a document</p></body></html>' >"$tmp/slowdoc/x.html"
started=$(date +%s)
timeout 60 "$ahconv" batch -j1 --timeout 2 --quiet -o "$tmp/S" "$tmp/slowdoc" 2>/dev/null
rc=$?
took=$(($(date +%s) - started))
rows=$(cut -d, -f1,3,4 "$tmp/S/ahconv-report.csv" | tail -n +2 | sed "s#$tmp/slowdoc/##" | tr '\n' ' ')
if [ "$rc" -eq 2 ] && [ "$took" -lt 30 ] && [ "$rows" = "x.html,failed,timed out after 2 s x.pdf,failed,timed out after 2 s " ]; then
  pass "a document whose PDF hangs: both renditions timed out after 2 s, in ${took} s"
else
  fail "slow document: exit $rc in ${took} s, $rows"
fi

# 4. a report that cannot be written (here a folder stands at its name, as
#    a full disk would refuse it): the summary names it, exit 2; a file
#    name's control characters reach the terminal as \xNN, never raw
mkdir -p "$tmp/R/ahconv-report.csv" "$tmp/esc"
esc=$'\e'
printf '%%PDF-1.4\nnot really\n' >"$tmp/esc/bad${esc}[31mred.pdf"
"$ahconv" batch -j1 --quiet -o "$tmp/R" "$tmp/esc" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -qF "report NOT written: $tmp/R/ahconv-report.csv" "$tmp/err" &&
   grep -qF "ahconv: $tmp/esc/bad\x1B[31mred.pdf: truncated PDF" "$tmp/err" && ! grep -q "$esc" "$tmp/err"; then
  pass "a report that cannot be written is named in the summary, exit 2; ESC shown as \\x1B"
else
  fail "report not written: exit $rc, $(cat -v "$tmp/err")"
fi

echo "batch_failures_test: $failures failed"
[ "$failures" -eq 0 ]
