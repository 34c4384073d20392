#!/bin/sh
# Every global symbol the library defines carries the ah_ prefix (static
# functions are the file's own): a name without it could clash with a
# program or another library linked beside ahconv's static archive.
# usage: global_prefix.sh LIBAHCONV.a
set -u
# (names starting "__" are the compiler's: a sanitizer build adds __odr_asan.*)
bad=$(nm -g --defined-only "$1" 2>/dev/null | awk '$2 ~ /^[TDBRC]$/ {print $3}' | grep -v -e '^ah_' -e '^__' | sort -u)
if [ -n "$bad" ]; then
  echo "global symbols without the ah_ prefix:"
  echo "$bad"
  exit 1
fi
echo "every global symbol of $(basename "$1") starts with ah_"
