#!/bin/sh
# validate_xml.sh — validate XML files against a RELAX NG schema.
#
# usage: validate_xml.sh SCHEMA FILE...
#
# Runs `xmllint --noout --relaxng SCHEMA FILE` for every FILE (all of them,
# also after a failure) and exits 1 if any file does not validate, 2 on a
# usage error or when xmllint or the schema is missing.  Set XMLLINT to use
# another xmllint binary.

XMLLINT=${XMLLINT:-xmllint}
me=$(basename "$0")

if [ "$#" -lt 2 ]; then
  echo "usage: $me SCHEMA FILE..." >&2
  exit 2
fi

schema=$1
shift

if ! command -v "$XMLLINT" >/dev/null 2>&1; then
  echo "$me: xmllint not found (set XMLLINT)" >&2
  exit 2
fi
if [ ! -r "$schema" ]; then
  echo "$me: cannot read schema: $schema" >&2
  exit 2
fi

failed=0
total=0
for f in "$@"; do
  total=$((total + 1))
  if [ ! -r "$f" ]; then
    echo "$me: FAIL $f: cannot read file" >&2
    failed=$((failed + 1))
    continue
  fi
  # xmllint prints "FILE validates" on success and the errors on failure;
  # keep quiet on success, show the errors on failure.
  if out=$("$XMLLINT" --noout --relaxng "$schema" "$f" 2>&1); then
    :
  else
    echo "$me: FAIL $f does not validate against $schema:" >&2
    printf '%s\n' "$out" | sed 's/^/  /' >&2
    failed=$((failed + 1))
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "$me: $failed of $total file(s) failed validation against $schema" >&2
  exit 1
fi
echo "$me: all $total file(s) valid against $schema"
exit 0
