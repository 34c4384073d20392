#!/usr/bin/env bash
# The clean PDF's printed pages say what its embedded XML says: for COUNT
# seeded generated documents (tests/gen/ahgen.c), `convert -f pdf` and then
# `verify` of the clean PDF, which reads the pages beside the embedded XML
# and names every difference.  Each must exit 0 with nothing printed.  (A
# writer that breaks a bare web address inside its host, or draws less
# than the XML holds, fails here.)
# usage: clean_pdf_generated_test.sh AHCONV AHGEN COUNT
set -u
ahconv=$1
ahgen=$2
count=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for s in $(seq 1 "$count"); do
  if ! "$ahgen" "$s" "$tmp/g.pdf" "$tmp/g.xml" 2>"$tmp/err" || ! "$ahconv" convert -f pdf -o "$tmp/c.pdf" "$tmp/g.pdf" 2>>"$tmp/err"; then
    echo "FAIL seed $s: $(head -1 "$tmp/err")"
    failed=$((failed + 1))
    continue
  fi
  "$ahconv" verify "$tmp/c.pdf" >"$tmp/out" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$tmp/out" ]; then
    echo "FAIL seed $s: verify exit $rc"
    head -3 "$tmp/out" | cut -c1-400
    failed=$((failed + 1))
  fi
done
echo "$((count - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
