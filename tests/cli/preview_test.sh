#!/usr/bin/env bash
# An HTML preview made by pdftohtml (one <br/> per printed line, no classes)
# goes through textlines.c: the sample's preview must give the sample's
# expected questions, answers and notes exactly.
# usage: preview_test.sh AHCONV SAMPLE.pdf EXPECTED.txt SAMPLE_CHECK.py
# Exit 77 (skipped) without pdftohtml (Debian: poppler-utils).
set -u
if ! command -v pdftohtml >/dev/null; then
  echo "SKIP: pdftohtml not found (Debian package poppler-utils)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdftohtml -q -stdout -i -noframes "$2" >"$tmp/preview.html" || { echo "FAIL: pdftohtml"; exit 1; }
python3 "$4" "$1" "$tmp/preview.html" "$3"
