#!/usr/bin/env bash
# No leaks: the whole corpus (and the bundled sample), PDF and HTML, converted
# to XML and to a clean PDF in one process
# under valgrind; any definitely or indirectly lost block fails the test.
# usage: leak_test.sh SOURCE_DIR BENCH_BINARY [sample|corpus|all]
set -u
src=$1
bench=$2
PART=${3:-all}
. "$(dirname "$0")/../tools/lib.sh"
if ! command -v valgrind >/dev/null; then
  echo "FAIL: valgrind is not installed (apt-get install valgrind)"
  exit 1
fi
files=()
[ "$PART" != corpus ] && files=("$src"/samples/*.pdf "$src"/samples/*.html)
if [ "$PART" != sample ] && need_corpus "$src/../shared/corpus/pdf" "$src/../shared/corpus/html"; then
  files+=("$src"/../shared/corpus/pdf/*.pdf "$src"/../shared/corpus/html/*.html)
fi
# The clean PDFs of the sample: opening them reads their embedded XML
# (qpdf, libxml2, source_ownxml.c).
cli="$(dirname "$bench")/../tools/ahconv"
if [ -x "$cli" ] && [ "$PART" != corpus ]; then
  "$cli" convert -f pdf -o "$tmp/sample-pdf.pdf" "$src/samples/ah-tk-20252026-9999.pdf" &&
    "$cli" convert -f pdf -o "$tmp/sample-html.pdf" "$src/samples/ah-tk-20252026-9999.html" &&
    files+=("$tmp/sample-pdf.pdf" "$tmp/sample-html.pdf")
fi
# --pdf: the clean PDF writer too.  fontconfig's process-wide caches are
# suppressed (tests/sanitizers/valgrind.supp); everything else must be freed.
valgrind --quiet --suppressions="$src/tests/sanitizers/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --error-exitcode=1 "$bench" --pdf "${files[@]}"
rc=$?
if [ "$rc" -eq 0 ]; then echo "1 passed, 0 failed (no leaks over ${#files[@]} documents)"; else echo "0 passed, 1 failed"; fi
exit "$rc"
