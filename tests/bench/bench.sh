#!/usr/bin/env bash
# bench.sh — performance benchmark: ahconv against pdftotext.
#
#   tests/bench/bench.sh [BUILD_DIR] [PDF_DIR]
#
# Converts all PDFs in PDF_DIR in one ahconv process (the ahconv_bench
# driver, BUILD_DIR/tests/ahconv_bench, built from tests/bench/bench_convert.c),
# then runs `pdftotext FILE /dev/null` once per file on the same files.
# Both sides run ROUNDS times (default 5), interleaved, after one untimed
# warm-up round that also checks that every file converts.  Wall times are
# compared by their medians; the last line is
#
#   ratio ahconv/pdftotext: 0.83
#
# (below 1 means ahconv is faster).  If GNU time is installed as
# /usr/bin/time, the peak RSS of the ahconv process is printed as well.
#
# Then the archive case: the PDFs copied ten times under new names, converted
# by `ahconv batch -j1` and `-j2` (into a fresh folder each round) against
# `pdftotext` once per file on the same copies, and by `batch -j1 -f pdf`
# (clean PDFs) against `batch -j1`, ROUNDS times interleaved; ratios and the
# batch's peak memory per worker are printed:
#
#   ratio batch -j1/pdftotext: 0.62
#   ratio batch -j2/pdftotext: 0.38
#   peak memory per worker: 17.9 MiB
#   ratio batch -f pdf/-f xml (-j1): 4.10
#   peak memory per worker -f pdf: 24.0 MiB
#
# Defaults: BUILD_DIR = <repo>/build, PDF_DIR = <repo>/../shared/corpus/pdf.
# Environment: ROUNDS (positive integer, default 5).
# Exit status: 0 on success, 1 on a failed conversion, 2 on a setup error.

set -euo pipefail
export LC_ALL=C   # EPOCHREALTIME uses the locale's decimal separator

prog=${0##*/}
die() { printf '%s: %s\n' "$prog" "$*" >&2; exit 2; }

case ${1-} in
  -h|--help) sed -n '2,34s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac
[[ $# -le 2 ]] || die "usage: $prog [BUILD_DIR] [PDF_DIR]"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$root/build}
pdf_dir=${2:-$root/../shared/corpus/pdf}
rounds=${ROUNDS:-5}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"

# ---- preconditions ------------------------------------------------------

[[ -d $build_dir ]] || die "build directory '$build_dir' does not exist (configure and build first: cmake -S $root -B $build_dir && cmake --build $build_dir)"
bench=$build_dir/tests/ahconv_bench
[[ -x $bench ]] || die "'$bench' is missing or not executable (build it: cmake --build $build_dir --target ahconv_bench)"
[[ -d $pdf_dir ]] || die "PDF directory '$pdf_dir' does not exist"
command -v pdftotext >/dev/null 2>&1 || die "pdftotext not found in PATH (Debian package poppler-utils)"

shopt -s nullglob
pdfs=("$pdf_dir"/*.pdf "$pdf_dir"/*.PDF)
shopt -u nullglob
[[ ${#pdfs[@]} -gt 0 ]] || die "no *.pdf files in '$pdf_dir'"

# ---- clock: integer microseconds -----------------------------------------

now_us() {  # sets _now to the wall clock in microseconds
  local t=${EPOCHREALTIME-}
  [[ -n $t ]] || t=$(date +%s.%N)
  local sec=${t%%.*} frac=${t#*.}
  [[ $sec =~ ^[0-9]+$ && $frac =~ ^[0-9]+$ ]] ||
    die "cannot read a sub-second clock (need bash >= 5 or GNU date), got '$t'"
  frac=${frac:0:6}
  while [[ ${#frac} -lt 6 ]]; do frac+=0; done
  _now=$(( sec * 1000000 + 10#$frac ))
}
now_us  # fail early if there is no usable clock

fmt_s() {  # microseconds -> seconds with 3 decimals, rounded
  local ms=$(( ($1 + 500) / 1000 ))
  printf '%d.%03d' $(( ms / 1000 )) $(( ms % 1000 ))
}

median() {  # integers on the command line -> median (mean of the middle two)
  local -a s
  mapfile -t s < <(printf '%s\n' "$@" | sort -n)
  local n=${#s[@]}
  if (( n % 2 )); then echo "${s[n/2]}"
  else echo $(( (s[n/2-1] + s[n/2]) / 2 )); fi
}
minimum() { printf '%s\n' "$@" | sort -n | head -n 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ahconv-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run_ahconv() { "$bench" "${pdfs[@]}" 2>"$tmp/ahconv.err"; }
run_pdftotext() {
  local f
  for f in "${pdfs[@]}"; do
    pdftotext "$f" /dev/null 2>"$tmp/pdftotext.err" ||
      { printf '%s\n' "$f" >>"$tmp/pdftotext.err"; return 1; }
  done
}

# ---- warm-up: fills the page cache and checks every file converts --------

echo "ahconv benchmark: ${#pdfs[@]} PDF(s) in $pdf_dir, $rounds round(s)"
if ! run_ahconv; then
  cat "$tmp/ahconv.err" >&2
  echo "$prog: ahconv_bench failed on the corpus; not timing it" >&2
  exit 1
fi
if ! run_pdftotext; then
  cat "$tmp/pdftotext.err" >&2
  echo "$prog: pdftotext failed on the file above; not timing it" >&2
  exit 1
fi

# ---- timed rounds, the two sides interleaved ----------------------------

a_times=() p_times=()
for (( r = 1; r <= rounds; r++ )); do
  now_us; t0=$_now
  run_ahconv || { cat "$tmp/ahconv.err" >&2; echo "$prog: ahconv_bench failed in round $r" >&2; exit 1; }
  now_us; t1=$_now
  run_pdftotext || { cat "$tmp/pdftotext.err" >&2; echo "$prog: pdftotext failed in round $r" >&2; exit 1; }
  now_us; t2=$_now
  a_times+=( $(( t1 - t0 )) ) p_times+=( $(( t2 - t1 )) )
  printf 'round %d/%d: ahconv %ss  pdftotext %ss\n' "$r" "$rounds" \
    "$(fmt_s $(( t1 - t0 )))" "$(fmt_s $(( t2 - t1 )))"
done

a_med=$(median "${a_times[@]}") p_med=$(median "${p_times[@]}")
a_min=$(minimum "${a_times[@]}") p_min=$(minimum "${p_times[@]}")
printf '%-28s median %ss  best %ss\n' \
  "ahconv (1 process):" "$(fmt_s "$a_med")" "$(fmt_s "$a_min")" \
  "pdftotext (${#pdfs[@]} processes):" "$(fmt_s "$p_med")" "$(fmt_s "$p_min")"

# ---- peak RSS, if GNU time is there (a separate, untimed run) ------------

if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o "$tmp/probe" true 2>/dev/null; then
  if /usr/bin/time -f %M -o "$tmp/rss" "$bench" "${pdfs[@]}" 2>/dev/null; then
    kib=$(tail -n 1 "$tmp/rss")
    [[ $kib =~ ^[0-9]+$ ]] &&
      printf 'peak RSS ahconv: %d KiB (%d.%d MiB)\n' "$kib" $(( kib / 1024 )) $(( kib % 1024 * 10 / 1024 ))
  fi
else
  echo "peak RSS ahconv: not measured (/usr/bin/time from the Debian package 'time' not installed)"
fi

# ---- ratio, rounded to two decimals -------------------------------------

(( p_med > 0 )) || die "pdftotext took no measurable time"
hundredths=$(( (a_med * 200 + p_med) / (2 * p_med) ))
printf 'ratio ahconv/pdftotext: %d.%02d\n' $(( hundredths / 100 )) $(( hundredths % 100 ))

# ---- the archive case: ahconv batch on ten copies of the corpus ----------

cli=$build_dir/tools/ahconv
[[ -x $cli ]] || die "'$cli' is missing (build it: cmake --build $build_dir)"
mkdir -p "$tmp/archive"
copies=()
for (( k = 1; k <= 10; k++ )); do
  for f in "${pdfs[@]}"; do
    c="$tmp/archive/copy$k-${f##*/}"
    cp "$f" "$c"
    copies+=("$c")
  done
done
run_batch() {  # $1 = jobs, $2 = format (default xml); a fresh output folder, the summary line kept
  rm -rf "$tmp/out"
  "$cli" batch -j"$1" -f "${2:-xml}" -o "$tmp/out" "$tmp/archive" 2>"$tmp/batch.err"
}
run_pdftotext_copies() {
  local f
  for f in "${copies[@]}"; do pdftotext "$f" /dev/null 2>/dev/null || return 1; done
}
echo "archive benchmark: ${#copies[@]} files (the corpus ten times), $rounds round(s)"
run_batch 1 || { cat "$tmp/batch.err" >&2; die "ahconv batch failed on the copies"; }
b1=() b2=() pt=() bp=()
for (( r = 1; r <= rounds; r++ )); do
  now_us; t0=$_now
  run_batch 1 || { cat "$tmp/batch.err" >&2; exit 1; }
  now_us; t1=$_now
  peak=$(sed -n 's/.*peak memory per worker \([0-9.]*\) MiB.*/\1/p' "$tmp/batch.err")
  run_batch 2 || { cat "$tmp/batch.err" >&2; exit 1; }
  now_us; t2=$_now
  run_pdftotext_copies || die "pdftotext failed on a copy"
  now_us; t3=$_now
  run_batch 1 pdf || { cat "$tmp/batch.err" >&2; exit 1; }
  now_us; t4=$_now
  peak_pdf=$(sed -n 's/.*peak memory per worker \([0-9.]*\) MiB.*/\1/p' "$tmp/batch.err")
  b1+=( $(( t1 - t0 )) ) b2+=( $(( t2 - t1 )) ) pt+=( $(( t3 - t2 )) ) bp+=( $(( t4 - t3 )) )
  printf 'round %d/%d: batch -j1 %ss  batch -j2 %ss  pdftotext %ss  batch -j1 -f pdf %ss\n' "$r" "$rounds" \
    "$(fmt_s $(( t1 - t0 )))" "$(fmt_s $(( t2 - t1 )))" "$(fmt_s $(( t3 - t2 )))" "$(fmt_s $(( t4 - t3 )))"
done
b1_med=$(median "${b1[@]}") b2_med=$(median "${b2[@]}") pt_med=$(median "${pt[@]}")
(( pt_med > 0 )) || die "pdftotext took no measurable time"
ratio() { local h=$(( ($1 * 200 + $2) / (2 * $2) )); printf '%d.%02d' $(( h / 100 )) $(( h % 100 )); }
printf 'ratio batch -j1/pdftotext: %s\n' "$(ratio "$b1_med" "$pt_med")"
printf 'ratio batch -j2/pdftotext: %s\n' "$(ratio "$b2_med" "$pt_med")"
printf 'peak memory per worker: %s MiB\n' "${peak:-?}"
bp_med=$(median "${bp[@]}")
printf 'ratio batch -f pdf/-f xml (-j1): %s\n' "$(ratio "$bp_med" "$b1_med")"
printf 'peak memory per worker -f pdf: %s MiB\n' "${peak_pdf:-?}"
