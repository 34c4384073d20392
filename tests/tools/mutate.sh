#!/usr/bin/env bash
# mutate.sh — do the tests catch the bugs they were written for?
#
# Takes: the source tree (default: the checkout this script is in).  Gives:
# a table, one row per mutation: a one-line change that brings back a bug
# (the gzip cap raised to 2 GiB, the link to standard error taken for a
# file, ...), applied to a copy of the source, built (without -Werror: a
# mutant may leave a variable unused), and the tests named with it run;
# "caught" when one of them fails, "SURVIVED" when all pass, "no build"
# when the copy does not compile.  Exit 0 when every mutation is caught.
#
# A tool, not a ctest test: each mutant is a rebuild and a test run (a few
# minutes in all).  To add a mutation, add one `mutation` line below: NAME,
# FILE, the exact text (it must occur once), its replacement, and a ctest
# regular expression of the tests that must catch it.
#
# usage: tests/tools/mutate.sh [SOURCE_DIR]
set -u
src=$(realpath "${1:-$(dirname "$0")/../..}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc 2>/dev/null || echo 2)

names=() files=() olds=() news=() tests=()
mutation() { names+=("$1") files+=("$2") olds+=("$3") news+=("$4") tests+=("$5"); }

mutation "gzip cap raised to 2 GiB" libconv/caps.h \
  '#define AH_MAX_INFLATED_BYTES (256u * 1024u * 1024u)' \
  '#define AH_MAX_INFLATED_BYTES (2048u * 1024u * 1024u)' '^bad_input$'
mutation "multi-member gzip: first member only" libconv/gzip.c \
  '    if (pos == len) break;' \
  '    break;' '^bad_input$'
mutation "gzip: trailing garbage ignored" libconv/gzip.c \
  '    if (pos == len) break;' \
  '    if (pos == len || !ah_is_gzip(in + pos, len - pos)) break;' '^bad_input$'
mutation "-o link to standard error taken for a file" tools/output.c \
  '  if (is_link && fstat(2, &other) == 0 && same_file(&other, st)) {' \
  '  if (0 && is_link && fstat(2, &other) == 0 && same_file(&other, st)) {' '^output_safety$'
mutation "metadata record read accepted as output" tools/ahconv.c \
  '  else rc = output_check_record(&target, ah_doc_metadata_file(doc));' \
  '  else rc = 0;' '^output_safety$'
mutation "verify --html over a rendition's record" tools/html_report.c \
  '    if (record && stat(record, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;' \
  '' '^output_safety$'
mutation "output mode not kept" libconv/io.c \
  '  int ok = stat(path, &old) != 0 || !S_ISREG(old.st_mode) || fchmod(fd, old.st_mode & 07777) == 0;' \
  '  int ok = 1;' '^output_safety$'
mutation "temporary name past NAME_MAX" libconv/io.c \
  '  if (base + suffix > NAME_MAX) keep -= base + suffix - NAME_MAX;' \
  '' '^output_safety$'
mutation "verify --html: third rendition left out" tools/ahconv.c \
  'html_report_verify(opt.html, docs, opt.inputs, opt.n)' \
  'html_report_verify(opt.html, docs, opt.inputs, opt.n > 2 ? 2 : opt.n)' '^report$'
mutation "note gap at note 1 unreported" libconv/verify.c \
  '  for (int n = 1; n < highest; n++)
    if (!ah_ints_contains(notes, n))' \
  '  for (int n = 2; n < highest; n++)
    if (!ah_ints_contains(notes, n))' '^test_verify$'
mutation "section gap at 1 unreported" libconv/verify.c \
  '  for (int n = 1; n < highest; n++)
    if (!seen[n])' \
  '  for (int n = 2; n < highest; n++)
    if (!seen[n])' '^test_verify$'
mutation "\"3-5\" range not joined" libconv/lexicon.c \
  "  if (*p == ' ' || *p == ',' || *p == ':' || *p == '.') return p + 1;" \
  "  if (*p == ' ' || *p == ',' || *p == ':' || *p == '.' || *p == '-') return p + 1;" '^test_lexicon$'

# replace FILE OLD NEW: OLD must occur exactly once
replace() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
path, old, new = sys.argv[1:4]
s = open(path, encoding='utf-8').read()
if s.count(old) != 1:
    sys.exit('%s: the text occurs %d times, not once' % (path, s.count(old)))
open(path, 'w', encoding='utf-8').write(s.replace(old, new))
PY
}

# the copy: the files git tracks, as they are in the working tree
mkdir "$work/src"
(cd "$src" && git ls-files -z | xargs -0 cp --parents -t "$work/src") || { echo "cannot copy $src"; exit 2; }
echo "building the unchanged copy in $work/build ..."
cmake -S "$work/src" -B "$work/build" >/dev/null && cmake --build "$work/build" -j"$jobs" >"$work/build.log" 2>&1 ||
  { tail -20 "$work/build.log"; echo "the unchanged copy does not build"; exit 2; }
all_tests=$(printf '%s|' "${tests[@]}")
if ! ctest --test-dir "$work/build" -R "${all_tests%|}" >"$work/base.log" 2>&1; then
  tail -20 "$work/base.log"
  echo "the unchanged copy fails its tests: no mutation can be judged"
  exit 2
fi

printf '%-50s %-18s %s\n' "mutation" "tests" "result"
survived=0
for i in "${!names[@]}"; do
  file=${files[$i]}
  if ! replace "$work/src/$file" "${olds[$i]}" "${news[$i]}" 2>"$work/replace.err"; then
    result="NOT APPLIED: $(cat "$work/replace.err")"
    survived=$((survived + 1))
  elif ! cmake --build "$work/build" -j"$jobs" >"$work/build.log" 2>&1; then
    result="no build"
    survived=$((survived + 1))
  elif ctest --test-dir "$work/build" -R "${tests[$i]}" >"$work/test.log" 2>&1; then
    result="SURVIVED"
    survived=$((survived + 1))
  else
    result="caught ($(grep -o '[0-9]* tests failed out of [0-9]*' "$work/test.log"))"
  fi
  printf '%-50s %-18s %s\n' "${names[$i]}" "${tests[$i]}" "$result"
  cp "$src/$file" "$work/src/$file"
done
# rebuild the restored copy last: nothing is left behind but the table
echo "$(( ${#names[@]} - survived )) of ${#names[@]} mutations caught"
[ "$survived" -eq 0 ]
