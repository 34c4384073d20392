#!/bin/sh
# Installs what ahconv needs to build and test on Debian (as root, or through
# sudo when run by another user).
# poppler-glib: PDF text with positions; libxml2: XML; zlib: gzip; cairo and
# pango: PDF output; libqpdf: the clean PDF's structure (cairo 1.16 writes a
# broken cross-reference table and cannot write /Lang, /MarkInfo, XMP or
# embedded files; libqpdf rewrites the file and adds them); fonts-dejavu-core:
# the fonts of the clean PDF (-f pdf) and the sample;
# poppler-utils (pdftotext, pdfinfo, pdfdetach) for the benchmark and the clean
# PDF tests, libxml2-utils (xmllint) for schema checks, qpdf to make an
# encrypted PDF in the tests, turned and joined copies of PDFs (turn_bundle_test.sh)
# and to check clean PDFs (qpdf --check, fix-qdf),
# valgrind for the leak test, python3 for the corpus scorer and the Python
# binding's tests, python3-jsonschema to check the JSON output against its schema;
# libhunspell-dev and hunspell-nl (the OpenTaal word list): is a word broken at a
# line-end hyphen one word or a compound with a real hyphen ("tbs-klinieken");
# mupdf-tools (mutool) to re-save PDFs as archives do in the archive test.
# libfreetype-dev: the glyph names of a PDF's embedded fonts (pdf_glyphs.c);
# nettle-dev: SHA-256 of every input and embedded XML (digest.c);
# mupdf-tools: `mutool convert` re-saves PDFs with damaged character maps for
# tests/real/glyphs_test.sh; cmark to check that README.md renders (the docs test).
# strace: the no-network check of hostile XML (pubxml_network).
set -e
as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config \
  libpoppler-glib-dev libxml2-dev zlib1g-dev libcairo2-dev libpango1.0-dev libqpdf-dev fonts-dejavu-core libhunspell-dev hunspell-nl libfreetype-dev nettle-dev \
  poppler-utils libxml2-utils qpdf valgrind python3 python3-jsonschema binutils time mupdf-tools strace cmark >/dev/null
# chromium, only when asked (AHCONV_SCREENSHOTS=1): headless screenshots of
# the report pages (chromium --headless --screenshot=… file://…) when
# checking how they read; no test needs it.
if [ "${AHCONV_SCREENSHOTS:-0}" = 1 ]; then
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
