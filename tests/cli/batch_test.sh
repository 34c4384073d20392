#!/usr/bin/env bash
# ahconv batch on the sample's renditions (copied under many names, so that
# ids collide), a corrupt file and, when ../shared is there, the corpus:
#  - every good input converted, the corrupt one failed with its error, exit 2;
#  - -j1 and -j2 give the same files; a file not written by ahconv is never
#    overwritten; a rerun skips everything;
#  - a batch killed with SIGKILL mid-run leaves no partial output, and the
#    rerun's outputs equal an uninterrupted run's byte for byte;
#  - SIGINT and SIGTERM stop it cleanly (no temporary files, a report, exit
#    130 and 143); progress shows on a terminal only.
# The run is stopped at a known point without sleeping: the test hook
# AHCONV_TEST_HOLD_INPUT/AHCONV_TEST_HOLD_FIFO (tools/batch/worker.c) makes
# the worker that takes one input open a FIFO and read it to its end first,
# so the test's open of the FIFO for writing returns once a worker is there.
# With SHARED_CORPUS (the batch_corpus test) the corpus joins the inputs
# and must be there (tools/lib.sh); without it, the sample's only.
# usage: batch_test.sh AHCONV SAMPLE.pdf SAMPLE.html [SHARED_CORPUS]
set -u
ahconv=$1
pdf=$2
html=$3
corpus=${4:-}
PART=sample
[ -n "$corpus" ] && PART=corpus
. "$(dirname "$0")/../tools/lib.sh"
[ "$PART" = corpus ] && need_corpus "$corpus/pdf" "$corpus/html"

# inputs: first/ (PDFs), then one file given by itself, then second/ (HTML,
# gzip, corrupt, and the corpus when present)
mkdir -p "$tmp/in/first/deep" "$tmp/in/second" "$tmp/extra" "$tmp/fifo"
for i in 1 2 3; do cp "$pdf" "$tmp/in/first/brief-$i.pdf"; done
cp "$pdf" "$tmp/in/first/deep/brief-4.PDF"
cp "$html" "$tmp/in/second/page.html"
gzip -c "$html" >"$tmp/in/second/page2.htm.gz"
printf '%%PDF-1.4\nnot really\n' >"$tmp/in/second/corrupt.pdf"
printf 'not a rendition\n' >"$tmp/in/second/notes.txt"
if [ "$PART" = corpus ]; then
  cp "$corpus"/pdf/*.pdf "$corpus"/html/*.html "$tmp/in/second/"
fi
cp "$pdf" "$tmp/extra/single.pdf"
n_inputs=$(( $(find "$tmp/in" -type f ! -name '*.txt' | wc -l) + 1 ))

outputs() { (cd "$1" && find . -type f ! -name ahconv-report.csv ! -name .ahconv-state ! -name .ahconv-lock | sort); }
# hold: the worker that takes $tmp/fifo/single.pdf waits for $tmp/hold
mkfifo "$tmp/hold"
# (env execs ahconv: $! of a run started in the background is ahconv's pid)
held=(env AHCONV_TEST_HOLD_INPUT=/fifo/single.pdf AHCONV_TEST_HOLD_FIFO="$tmp/hold")

# 1. an uninterrupted run, -j2
"$ahconv" batch -j2 --quiet -o "$tmp/A" "$tmp/in/first" "$tmp/extra/single.pdf" "$tmp/in/second" 2>"$tmp/err"
rc=$?
ok=$(grep -c ',ok,' "$tmp/A/ahconv-report.csv")
if [ "$rc" -eq 2 ] && [ "$ok" -eq $((n_inputs - 1)) ] &&
   grep -qF "$tmp/in/second/corrupt.pdf,,failed,truncated PDF (no %%EOF at the end)," "$tmp/A/ahconv-report.csv" &&
   grep -qF "ahconv: $tmp/in/second/corrupt.pdf: truncated PDF (no %%EOF at the end)" "$tmp/err"; then
  pass "batch: $ok of $n_inputs converted, the corrupt file failed with its error, exit 2"
else
  fail "batch: exit $rc, $ok ok of $n_inputs: $(cat "$tmp/err")"
fi
# names: by id, collisions numbered in input order, folders mirrored
# (input order: first/brief-1..3, first/deep/brief-4, extra/single.pdf,
# second/page.html, second/page2.htm.gz)
want="./ah-tk-20252026-9999-2.xml ./ah-tk-20252026-9999-3.xml ./ah-tk-20252026-9999-4.xml ./ah-tk-20252026-9999-5.xml ./ah-tk-20252026-9999-6.xml ./ah-tk-20252026-9999.xml ./deep/ah-tk-20252026-9999.xml"
got=$(outputs "$tmp/A" | grep 'ah-tk-20252026-9999' | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$want" ] && pass "names: $got" || fail "names: $got, want $want"
if [ "$(head -1 "$tmp/A/ahconv-report.csv")" = "input,sha256,status,error,id,vraagnummer,vragen,antwoorden,noten,findings,seconds,output,renditions_findings,renditions_agree,format,role,file_sha256,formats,title,ingezonden,ontvangen,askers,ontvangers,answerer,answered_by_mededeling,pages,source_format,differences,bundle_pages" ] &&
   grep -qE "^$tmp/in/first/brief-1.pdf,[0-9a-f]{64},ok,,ah-tk-20252026-9999,,4,4,4,0,[0-9.]+,ah-tk-20252026-9999.xml,,,pdf,,[0-9a-f]{64},pdf,het bericht «Nieuwe sluizen vertraagd»,2025-09-03,2025-09-24,Jansen \(VVD\); De Vries-van Dam \(GroenLinks-PvdA\),Minister van Infrastructuur en Waterstaat; Staatssecretaris van Financiën,Bakker \(Minister\),no,3,pdf,,$" "$tmp/A/ahconv-report.csv" &&
   grep -qF "$tmp/in/second/notes.txt,,not-converted,\"not a rendition (.txt): only PDF, HTML and the publisher's XML are converted\"," "$tmp/A/ahconv-report.csv"; then
  pass "report columns and a row"
else
  fail "report: $(head -2 "$tmp/A/ahconv-report.csv")"
fi
for f in $(outputs "$tmp/A"); do
  case $f in ./.ahconv-tmp*) fail "temporary file left: $f" ;; esac
done

# 2. -j1 gives the same files
"$ahconv" batch -j1 --quiet -o "$tmp/B" "$tmp/in/first" "$tmp/extra/single.pdf" "$tmp/in/second" 2>/dev/null
if diff -r -x ahconv-report.csv -x .ahconv-state -x .ahconv-lock "$tmp/A" "$tmp/B" >/dev/null; then pass "-j1 equals -j2"; else fail "-j1 and -j2 differ"; fi

# 3. a rerun skips everything
"$ahconv" batch -j2 --quiet -o "$tmp/A" "$tmp/in/first" "$tmp/extra/single.pdf" "$tmp/in/second" 2>/dev/null
skipped=$(grep -c ',skipped,' "$tmp/A/ahconv-report.csv")
[ "$skipped" -eq "$n_inputs" ] && pass "rerun: all $skipped skipped" || fail "rerun: $skipped of $n_inputs skipped"

# 4. a file ahconv did not write is never overwritten
mkdir -p "$tmp/C"
printf 'mine\n' >"$tmp/C/ah-tk-20252026-9999.xml"
"$ahconv" batch -j2 --quiet -o "$tmp/C" "$tmp/extra/single.pdf" 2>/dev/null
if [ "$(cat "$tmp/C/ah-tk-20252026-9999.xml")" = "mine" ] && [ -s "$tmp/C/ah-tk-20252026-9999-2.xml" ]; then
  pass "a foreign file keeps its name; the output takes -2"
else
  fail "foreign file: $(ls "$tmp/C")"
fi

# 5. SIGKILL mid-run: first/ done and put in place, fifo/single.pdf held.
#    One worker: with two, the other could still be on first/'s first input
#    when the held one is handed out, and nothing would be in place to check.
cp "$pdf" "$tmp/fifo/single.pdf"
"${held[@]}" "$ahconv" batch -j1 --quiet -o "$tmp/K" "$tmp/in/first" "$tmp/fifo/single.pdf" "$tmp/in/second" 2>/dev/null &
pid=$!
pids+=("$pid")
exec 3>"$tmp/hold"   # returns when a worker is held
kill -9 "$pid"
wait "$pid" 2>/dev/null
exec 3>&-
partial=0 checked=0
for f in $(outputs "$tmp/K"); do
  case $f in ./.ahconv-tmp/*) continue ;; esac
  checked=$((checked + 1))
  cmp -s "$tmp/K/$f" "$tmp/A/$f" || { partial=1; echo "  differs or partial: $f"; }
done
# the held input comes after first/'s four, and what came back is put in
# place before the next input is handed out: all four are there to check (a
# loop over none would say "none partial" of nothing)
if [ "$checked" -eq 4 ] && [ "$partial" -eq 0 ]; then
  pass "after SIGKILL: $checked complete outputs, none partial"
else
  fail "after SIGKILL: $checked outputs checked, partial: $partial"
fi
"$ahconv" batch -j2 --quiet -o "$tmp/K" "$tmp/in/first" "$tmp/fifo/single.pdf" "$tmp/in/second" 2>/dev/null
if diff -r -x ahconv-report.csv -x .ahconv-state -x .ahconv-lock "$tmp/A" "$tmp/K"; then
  pass "the rerun after SIGKILL equals the uninterrupted run byte for byte"
else
  fail "rerun after SIGKILL differs"
fi

# 6. SIGINT and SIGTERM: stop, remove the temporary files, write the report
stop_with() {  # SIGNAL EXIT_STATUS OUTDIR
  "${held[@]}" "$ahconv" batch -j2 --quiet -o "$3" "$tmp/in/first" "$tmp/fifo/single.pdf" "$tmp/in/second" 2>"$tmp/err" &
  local pid=$! rc
  pids+=("$pid")
  exec 3>"$tmp/hold"
  kill -"$1" "$pid"
  wait "$pid"
  rc=$?
  exec 3>&-
  if [ "$rc" -eq "$2" ] && [ ! -e "$3/.ahconv-tmp" ] && [ -s "$3/ahconv-report.csv" ] && grep -q 'not done' "$tmp/err"; then
    pass "SIG$1: exit $2, no temporary files, a report"
  else
    fail "SIG$1: exit $rc, $(ls -a "$3"), $(cat "$tmp/err")"
  fi
}
stop_with INT 130 "$tmp/I"
stop_with TERM 143 "$tmp/T"

# 7. progress: on a terminal only (script(1) gives the run one)
"$ahconv" batch -j2 -o "$tmp/P" "$tmp/in/first" 2>"$tmp/err"
if ! grep -q $'\r' "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^ahconv batch: 4 inputs: 4 converted' "$tmp/err"; then
  pass "no terminal: no progress, one summary line"
else
  fail "no terminal: $(cat -A "$tmp/err" | head -3)"
fi
if command -v script >/dev/null; then
  rm -rf "$tmp/P"
  script -qc "'$ahconv' batch -j2 -o '$tmp/P' '$tmp/in/first'" /dev/null >"$tmp/tty" 2>&1
  if tr '\r' '\n' <"$tmp/tty" | grep -qE '^4/4 done, [0-9.]+ files/s, [0-9]+:[0-9]{2} left, 0 failed'; then
    pass "terminal: progress with done/total, rate, time left, failures"
  else
    fail "terminal progress: $(tr '\r' '\n' <"$tmp/tty" | head -3)"
  fi
  # resumed: the 4 done are skipped, one new input converted; the rate
  # counts what this run converted (skipped inputs once made done - skipped
  # wrap: "3340920839468046352384.0 files/s")
  mkdir -p "$tmp/in/first/more" && cp "$html" "$tmp/in/first/more/new.html"
  script -qc "'$ahconv' batch -j2 -o '$tmp/P' '$tmp/in/first'" /dev/null >"$tmp/tty" 2>&1
  rates=$(tr '\r' '\n' <"$tmp/tty" | grep -oE '[0-9.]+ files/s' | sort -u | tr '\n' ' ')
  if tr '\r' '\n' <"$tmp/tty" | grep -qE '^5/5 done, [0-9]{1,4}\.[0-9] files/s' &&
     ! tr '\r' '\n' <"$tmp/tty" | grep -qE '[0-9]{5,}\.[0-9] files/s'; then
    pass "resumed on a terminal: a sane rate ($rates)"
  else
    fail "resumed rate: $(tr '\r' '\n' <"$tmp/tty" | head -8)"
  fi
else
  echo "note: script(1) not found; progress on a terminal not checked"
fi

# 8. usage
"$ahconv" batch -o "$tmp/U" 2>/dev/null; rc=$?
[ "$rc" -eq 2 ] && pass "batch without inputs: exit 2" || fail "batch without inputs: exit $rc"
# an empty OUTDIR once read past a buffer (make_folders); now a usage error
"$ahconv" batch -o "" "$pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && [ "$(head -1 "$tmp/err")" = "ahconv: -o needs a folder" ]; then
  pass "batch -o \"\": usage error, exit 2"
else
  fail "batch -o \"\": exit $rc, $(head -1 "$tmp/err")"
fi

echo "batch_test: $failures failed"
[ "$failures" -eq 0 ]
