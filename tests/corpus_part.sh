# corpus_part.sh — sourced by the tests that have a part over ../shared/corpus.
# Takes: PART, set by the test from its arguments: "sample" (the project's
# own inputs only), "corpus" (the corpus part only; its own ctest test) or
# "all" (both, for a run by hand).  Gives: need_corpus PATH..., which in the
# corpus part ends the test when a path is missing: exit 77 (ctest shows it
# skipped) with a message, or exit 1 when AHCONV_REQUIRE_CORPUS=1 (CI, which
# has ../shared: a missing corpus there is a failure, not a skip).  In "all"
# it prints the message and returns 1, so the caller leaves the part out.
need_corpus() {
  local p
  for p in "$@"; do
    [ -e "$p" ] && continue
    if [ "${AHCONV_REQUIRE_CORPUS:-0}" = 1 ]; then
      echo "FAIL: $p not found, and AHCONV_REQUIRE_CORPUS=1 requires the corpus"
      exit 1
    fi
    echo "skipped: $p not found; the corpus part needs ../shared beside the checkout"
    [ "${PART:-all}" = corpus ] && exit 77
    return 1
  done
  return 0
}
