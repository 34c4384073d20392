#!/usr/bin/env bash
# The loss classes of printed documents, each made on purpose with the
# generator (tests/gen/ahgen.c, AHGEN_DAMAGE) and seen by `ahconv verify`:
#   - a note whose text begins like the running footer ("Tweede Kamer,
#     vergaderjaar …"), its marker after a question mark: kept as a note,
#     the marker linked, nothing reported (once it was dropped as furniture
#     without a word);
#   - a note number printed with no note text: the number line is reported
#     as not in the output, and the gap it leaves;
#   - a note not printed at all: the gap, and the raised number in the text
#     that would have been its marker.
# The HTML loss classes are regression cases (tests/regression/loss-*).
# usage: loss_test.sh AHCONV AHGEN
set -u
ahconv=$1
ahgen=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
ok() { echo "ok: $*"; passed=$((passed + 1)); }

# seed 2: four notes; note 1 reads "Tweede Kamer, vergaderjaar 2020–2021, …"
# and its marker follows a question mark
"$ahgen" 2 "$tmp/whole.pdf" "$tmp/whole.xml" >/dev/null
"$ahconv" convert -o "$tmp/out.xml" "$tmp/whole.pdf"
if grep -q '<al>Tweede Kamer, vergaderjaar 2020–2021, 29 601, nr. 394</al>' "$tmp/out.xml" &&
   grep -q '?<noot-ref n="1"/>' "$tmp/out.xml"; then
  ok "a note that begins like the footer stays a note, its marker after ? linked"
else
  fail "the footer-like note 1 or its marker is lost"
fi
"$ahconv" verify "$tmp/whole.pdf" >"$tmp/verify.out"
rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/verify.out" ]; then ok "verify of the whole document: nothing"; else fail "verify whole: exit $rc: $(cat "$tmp/verify.out")"; fi

# expect DAMAGE WANT...: verify of the damaged print says exactly WANT, exit 1
expect() {
  local damage=$1
  shift
  AHGEN_DAMAGE=$damage "$ahgen" 2 "$tmp/$damage.pdf" "$tmp/$damage.xml" >/dev/null
  (cd "$tmp" && "$ahconv" verify "$damage.pdf") >"$tmp/got" 2>&1
  local rc=$?
  printf '%s\n' "$@" >"$tmp/want"
  if [ "$rc" -eq 1 ] && diff -u "$tmp/want" "$tmp/got"; then ok "$damage: reported"; else fail "$damage: exit $rc"; fi
}
expect note-text \
  "note-text.pdf: noten: note number 1 missing (numbers run to 4)" \
  "note-text.pdf: Vraag 9: raised 1 in the text may be the marker of a missing note 1" \
  "note-text.pdf: page 3: note number 1 printed with no note text"
expect note \
  "note.pdf: noten: note number 2 missing (numbers run to 4)" \
  "note.pdf: Antwoord 9: raised 2 in the text may be the marker of a missing note 2"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
