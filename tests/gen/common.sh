# common.sh — sourced by the generated-document tests that take the same
# arguments (generated_test.sh, archive_test.sh):
#   . "$(dirname "$0")/common.sh"
# Gives: gen_args "$@", which reads AHCONV AHGEN COUNT [FIRST_SEED] into
# ahconv, ahgen, count and first (1 when not given) and exits 2 on a usage
# error or when AHCONV or AHGEN is not an executable; work_dir, which sets
# dir to $KEEP when that is set (kept, to look at the documents afterwards)
# or else to a temporary folder removed when the test exits.
gen_args() {
  if [ $# -lt 3 ] || [ $# -gt 4 ]; then
    echo "usage: $0 AHCONV AHGEN COUNT [FIRST_SEED]" >&2
    exit 2
  fi
  ahconv=$1
  ahgen=$2
  count=$3
  first=${4:-1}
  for x in "$ahconv" "$ahgen"; do
    [ -x "$x" ] || { echo "$0: $x: not an executable" >&2; exit 2; }
  done
}

work_dir() {
  if [ -n "${KEEP:-}" ]; then
    dir=$KEEP
    mkdir -p "$dir"
  else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
  fi
}
