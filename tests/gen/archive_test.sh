#!/usr/bin/env bash
# What archives do to a PDF, on generated documents: COUNT seeded documents
# from ahgen (tests/gen/ahgen.c) are each passed through the changes an
# archive's copy has often been through, converted, and judged per class:
#   resave   re-saved by another library (`mutool convert -F pdf`), which
#            rewrites the fonts and their character maps: the same XML as
#            the original, or a finding (`ahconv verify` exits non-zero);
#   rotate   every page given /Rotate 90 (`qpdf --rotate=+90`): the same XML;
#   rotate1  only page 1 turned (`qpdf --rotate=+90:1`): the same XML, the
#            turned page must not disturb the others;
#   bundle   two documents joined in one file (`qpdf --empty --pages A B --`):
#            `convert` refuses it, exit 2, naming both documents' ids.
# A document is compared as generated_test.sh does (without `bron` and
# `pagina`).  Each case's verdict is "ok", "reported" (resave only: different
# XML but verify names a problem), or a failure: "silent" (different XML,
# exit 0, nothing reported: the worst), or "wrong" (any other way of missing
# what the class demands).  Ends with a line per class and
# "N passed, M failed".
#
# usage: archive_test.sh AHCONV AHGEN COUNT [FIRST_SEED]
# Environment: ARCHIVE_XFAIL=class,… counts that class's failures as expected
#              (its fix has not landed); AHGEN_FEATURES passes to ahgen;
#              KEEP=DIR keeps every file.
# Exit status: 0 when nothing failed unexpectedly, 1 otherwise, 77 when mutool
# or qpdf is missing, 2 on usage errors.
set -u
. "$(dirname "$0")/common.sh"
gen_args "$@"
for t in mutool qpdf; do
  command -v "$t" >/dev/null || { echo "SKIP: $t is not installed (tools/install-deps.sh)"; exit 77; }
done
work_dir
xfail=",${ARCHIVE_XFAIL:-},"

norm() { grep -v '<bron ' "$1" | sed 's/ pagina="[^"]*"//' | grep -v '^$'; }

# same XML as the original's expected XML: 0
same() { diff <(norm "$1") <(grep -v '^$' "$2") >/dev/null; }

# A converted variant against the expected XML: ok, reported or silent/wrong.
judge_same() {
  local pdf=$1 want=$2 may_report=$3 out=$1.xml
  if "$ahconv" convert "$pdf" >"$out" 2>"$pdf.err"; then
    if same "$out" "$want"; then echo ok; return; fi
    if [ "$may_report" = 1 ] && ! "$ahconv" verify "$pdf" >/dev/null 2>&1; then echo reported; return; fi
    echo silent
  else
    echo wrong
  fi
}

judge_bundle() {
  local pdf=$1 id1=$2 id2=$3 rc=0
  "$ahconv" convert "$pdf" >"$pdf.xml" 2>"$pdf.err" || rc=$?
  if [ "$rc" = 2 ] && grep -q -- "$id1" "$pdf.err" && grep -q -- "$id2" "$pdf.err"; then echo ok
  elif [ "$rc" = 0 ]; then echo silent
  else echo wrong
  fi
}

results=$dir/results
: >"$results"
id_of() { sed -n 's/.* id="\([^"]*\)".*/\1/p' "$1" | head -1; }
last=$((first + count - 1))
for s in $(seq "$first" "$last"); do
  d=$dir/$s
  mkdir -p "$d"
  if ! "$ahgen" "$s" "$d/a.pdf" "$d/a.xml" 2>/dev/null || ! "$ahgen" $((s + 100000)) "$d/b.pdf" "$d/b.xml" 2>/dev/null; then
    echo "generate $s wrong" >>"$results"
    continue
  fi
  mutool convert -F pdf -o "$d/resave.pdf" "$d/a.pdf" >/dev/null 2>&1 &&
    echo "resave $s $(judge_same "$d/resave.pdf" "$d/a.xml" 1)" >>"$results"
  qpdf "$d/a.pdf" --rotate=+90 -- "$d/rotate.pdf" 2>/dev/null &&
    echo "rotate $s $(judge_same "$d/rotate.pdf" "$d/a.xml" 0)" >>"$results"
  qpdf "$d/a.pdf" --rotate=+90:1 -- "$d/rotate1.pdf" 2>/dev/null &&
    echo "rotate1 $s $(judge_same "$d/rotate1.pdf" "$d/a.xml" 0)" >>"$results"
  qpdf --empty --pages "$d/a.pdf" "$d/b.pdf" -- "$d/bundle.pdf" 2>/dev/null &&
    echo "bundle $s $(judge_bundle "$d/bundle.pdf" "$(id_of "$d/a.xml")" "$(id_of "$d/b.xml")")" >>"$results"
  [ -n "${KEEP:-}" ] || rm -rf "$d"
done

passed=0
failed=0
xfailed=0
while read -r class seed verdict; do
  case $verdict in
    ok|reported) passed=$((passed + 1)) ;;
    *)
      case $xfail in
        *",$class,"*) xfailed=$((xfailed + 1)) ;;
        *) failed=$((failed + 1)); echo "FAIL $class seed $seed: $verdict" ;;
      esac ;;
  esac
done <"$results"
for class in resave rotate rotate1 bundle generate; do
  grep -q "^$class " "$results" || continue
  awk -v c="$class" '$1 == c {n++; v[$3]++} END {
    printf "class %s: %d cases, %d ok, %d reported, %d silent, %d wrong\n", c, n, v["ok"], v["reported"], v["silent"], v["wrong"] }' "$results"
done
[ "$xfailed" -gt 0 ] && echo "$xfailed failures expected (ARCHIVE_XFAIL=${ARCHIVE_XFAIL:-})"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
