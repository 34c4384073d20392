# lib.sh — sourced by the shell tests for the set-up they share:
#   . "$(dirname "$0")/../tools/lib.sh"
# Takes: PART, set by a test with a part over ../shared/corpus before it calls
# need_corpus (see there).  Gives:
#  - tmp: a new temporary folder, removed when the test exits; first, every
#    process whose id the test put in the array pids is killed (a batch run
#    left behind by a failed check must not outlive the test);
#  - failures=0, pass MESSAGE ("ok: MESSAGE") and fail MESSAGE ("FAIL:
#    MESSAGE", counted in failures); the test ends with its own summary;
#  - need_corpus PATH...
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

# need_corpus PATH...: PART is "sample" (the project's own inputs only),
# "corpus" (the corpus part only; its own ctest test) or "all" (both, for a
# run by hand).  In the corpus part it ends the test when a path is missing:
# exit 77 (ctest shows it skipped) with a message, or exit 1 when
# AHCONV_REQUIRE_CORPUS=1 (CI, which has ../shared: a missing corpus there is
# a failure, not a skip).  In "all" it prints the message and returns 1, so
# the caller leaves the part out.
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
