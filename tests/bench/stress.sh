#!/usr/bin/env bash
# Cost against size: a generated document (tests/gen/ahgen) has its pages
# after the first repeated to 10, 100 and 1,000 pages (qpdf), and each is
# converted to XML and to a clean PDF.  Prints the times and the ratios
# 100/10 and 1000/100: linear cost gives about 10 each.  A benchmark, not a
# test: run it by hand (about a minute).
# usage: stress.sh AHCONV AHGEN
set -eu
ahconv=$1
ahgen=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v qpdf >/dev/null || { echo "stress.sh: qpdf not found (Debian package qpdf)"; exit 2; }
"$ahgen" 19 "$tmp/doc.pdf" "$tmp/doc.xml" >/dev/null # seed 19: 10 pages
pages=$(pdfinfo "$tmp/doc.pdf" | awk '/^Pages/ {print $2}')
# seconds one command takes (best of 3 for the small ones)
timed() {
  local best=
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; print best }')
  done
  echo "$best"
}
declare -A xml pdf
for n in 10 100 1000; do
  ranges=(--pages "$tmp/doc.pdf" 1)
  have=1
  while [ "$have" -lt "$n" ]; do
    take=$(( n - have < pages - 1 ? n - have : pages - 1 ))
    ranges+=("$tmp/doc.pdf" "2-$((take + 1))")
    have=$((have + take))
  done
  qpdf --empty "${ranges[@]}" -- "$tmp/p$n.pdf"
  xml[$n]=$(timed "$ahconv" convert -o "$tmp/p$n.xml" "$tmp/p$n.pdf")
  pdf[$n]=$(timed "$ahconv" convert -f pdf -o "$tmp/p$n.out.pdf" "$tmp/p$n.pdf")
  printf '%5d pages: xml %6.2f s   pdf %6.2f s\n' "$n" "${xml[$n]}" "${pdf[$n]}"
done
awk -v a="${xml[10]}" -v b="${xml[100]}" -v c="${xml[1000]}" 'BEGIN { printf "ratio xml 100/10: %.1f  1000/100: %.1f\n", b / a, c / b }'
awk -v a="${pdf[10]}" -v b="${pdf[100]}" -v c="${pdf[1000]}" 'BEGIN { printf "ratio pdf 100/10: %.1f  1000/100: %.1f\n", b / a, c / b }'
