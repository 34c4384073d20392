#!/usr/bin/env bash
# Fonts whose character maps contradict their glyph names.  A PDF re-saved
# by `mutool convert` gets new ToUnicode maps built from the wrong base
# encoding ("2023±2024", "cli ntprofielen", "collega's" for "collega’s");
# the converter must read it as it read the original.
#
#   glyphs_test.sh AHCONV SOURCE_DIR            the sample, no corpus needed
#   glyphs_test.sh --corpus AHCONV SOURCE_DIR   every corpus PDF (exit 77
#                                               when ../shared is absent)
#
# Sample: the sample's fonts made Type1C fonts without ToUnicode, as the
# official PDFs' are (tests/tools/glyph_pdfs.py cff), re-saved by mutool: the
# text's characters must be those of the copy before mutool, and verify
# must find no unmappable character.  A PDF with a glyph no name or map
# can say (tests/tools/glyph_pdfs.py unnamed) reads with U+FFFD there and verify
# names it.  A simple font whose map contradicts its WinAnsi encoding
# (glyph_pdfs.py simple) reads by the encoding.  Corpus: each PDF re-saved by mutool gives the same XML as the
# original apart from bron and pagina, or verify exits 1 naming the damage.
# Needs mutool (mupdf-tools), qpdf and fix-qdf (qpdf), python3, DejaVu Sans.
set -u
corpus=""
if [ "${1:-}" = --corpus ]; then corpus=1; shift; fi
ahconv=$1
src=$2
here=$(dirname "$0")
. "$(dirname "$0")/../tools/lib.sh"
for tool in mutool qpdf fix-qdf python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (tools/install-deps.sh installs it)"; exit 1; }
done
strip_source() { grep -v '<bron ' "$1" | sed 's/ pagina="[^"]*"//'; }
# the characters of the XML's text, one per line, sorted: the same text
# read in another order (the re-saved copy's lines) gives the same list
characters() { sed 's/<[^>]*>//g' "$1" | grep -o . | LC_ALL=C sort; }

if [ -n "$corpus" ]; then
  dir=$src/../shared/corpus/pdf
  [ -d "$dir" ] || { echo "skip: no corpus at $dir"; exit 77; }
  same=0 named=0 total=0
  for pdf in "$dir"/*.pdf; do
    name=$(basename "$pdf")
    total=$((total + 1))
    mutool convert -o "$tmp/resaved.pdf" "$pdf" >/dev/null 2>&1 || { fail "$name: mutool convert"; continue; }
    "$ahconv" convert -o "$tmp/a.xml" "$pdf" && "$ahconv" convert -o "$tmp/b.xml" "$tmp/resaved.pdf" ||
      { fail "$name: convert"; continue; }
    if diff <(strip_source "$tmp/a.xml") <(strip_source "$tmp/b.xml") >"$tmp/diff"; then
      same=$((same + 1))
      continue
    fi
    "$ahconv" verify "$tmp/resaved.pdf" >"$tmp/verify" 2>&1
    if [ $? -eq 1 ] && grep -q 'no reliable Unicode mapping' "$tmp/verify"; then
      named=$((named + 1))
      pass "$name: re-saved copy differs, and verify names it: $(grep -m1 'no reliable Unicode' "$tmp/verify")"
    else
      fail "$name: re-saved by mutool, it reads differently and verify does not say why"
      head -6 "$tmp/diff"
    fi
  done
  echo "corpus re-saved by mutool: $same of $total give the same XML, $named named by verify"
  [ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
  exit 0
fi

# ---- the sample, re-saved --------------------------------------------------
sample=$src/samples/ah-tk-20252026-9999.pdf
# a copy in the non-embedded Helvetica family: mutool embeds its own CFF
# programs for them, which the Type1C copy then embeds
qpdf --qdf --object-streams=disable "$sample" "$tmp/helvetica.qdf"
sed -i -e '/^  \/ToUnicode [0-9]* 0 R$/d' -e '/^  \/FontDescriptor [0-9]* 0 R$/d' \
  -e 's|^  /Subtype /TrueType$|  /Subtype /Type1|' \
  -e 's|^  /BaseFont /[A-Z]*+DejaVuSans\(-[A-Za-z]*\)\{0,1\}$|  /BaseFont /Helvetica\1|' "$tmp/helvetica.qdf"
fix-qdf "$tmp/helvetica.qdf" >"$tmp/helvetica.pdf"
mutool convert -o "$tmp/helvetica-mutool.pdf" "$tmp/helvetica.pdf" >/dev/null 2>&1
python3 "$here/../tools/glyph_pdfs.py" cff "$sample" "$tmp/helvetica-mutool.pdf" "$tmp/type1c.pdf" ||
  { echo "FAIL: glyph_pdfs.py cff"; exit 1; }
mutool convert -o "$tmp/resaved.pdf" "$tmp/type1c.pdf" >/dev/null 2>&1
# the test is only worth its name when mutool did damage the maps
if pdftotext "$tmp/resaved.pdf" - | grep -q '2025±2026'; then
  pass "mutool's copy has the damaged maps (pdftotext reads 2025±2026)"
else
  fail "mutool's copy reads right without repair: this mutool no longer damages the maps"
fi
"$ahconv" convert -o "$tmp/type1c.xml" "$tmp/type1c.pdf" && "$ahconv" convert -o "$tmp/resaved.xml" "$tmp/resaved.pdf" ||
  fail "convert the Type1C copy and its re-saved copy"
if diff <(characters "$tmp/type1c.xml") <(characters "$tmp/resaved.xml") >"$tmp/diff"; then
  pass "the re-saved copy reads with the same characters"
else
  fail "the re-saved copy reads with other characters: $(grep '^[<>]' "$tmp/diff" | sort | uniq -c | head -8 | tr '\n' ' ')"
fi
for word in 'vergaderjaar 2025–2026' 'Financiën' 'vóór' '«Nieuwe sluizen vertraagd»'; do
  grep -q "$word" "$tmp/resaved.xml" && pass "re-saved copy reads \"$word\"" || fail "re-saved copy lacks \"$word\""
done
if "$ahconv" verify "$tmp/resaved.pdf" 2>&1 | grep -q 'Unicode'; then
  fail "verify finds unmappable characters in the re-saved copy"
else
  pass "verify finds no unmappable character in the re-saved copy"
fi

# ---- a simple font's map contradicting its encoding -------------------------
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
python3 "$here/../tools/glyph_pdfs.py" simple "$font" "$tmp/simple.pdf" || { echo "FAIL: glyph_pdfs.py simple"; exit 1; }
"$ahconv" convert -o "$tmp/simple.xml" "$tmp/simple.pdf" || fail "convert simple.pdf"
expected='    <al>Hoe gaat het in 2023–2024 met de collega’s in Fryslan?</al>'
grep -qxF "$expected" "$tmp/simple.xml" && pass "simple font, map repaired from WinAnsi: $expected" ||
  fail "simple.pdf reads $(grep 'Hoe gaat' "$tmp/simple.xml")"
"$ahconv" verify "$tmp/simple.pdf" 2>&1 | grep -q 'Unicode' && fail "verify finds unmappable characters in simple.pdf" ||
  pass "verify finds no unmappable character in simple.pdf"

# ---- a glyph nobody can name -----------------------------------------------
python3 "$here/../tools/glyph_pdfs.py" unnamed "$font" "$tmp/unnamed.pdf" || { echo "FAIL: glyph_pdfs.py unnamed"; exit 1; }
"$ahconv" convert -o "$tmp/unnamed.xml" "$tmp/unnamed.pdf" || fail "convert unnamed.pdf"
expected='    <al>Hoe gaat het in 2023–2024 met de collega’s in Frysl�n?</al>'
grep -qxF "$expected" "$tmp/unnamed.xml" && pass "repaired map, U+FFFD for the unnamed glyph: $expected" ||
  fail "unnamed.pdf reads $(grep 'Hoe gaat' "$tmp/unnamed.xml")"
grep -q 'Financiën' "$tmp/unnamed.xml" && pass "a glyph with no map entry reads by its name (Financiën)" ||
  fail "no Financiën in unnamed.pdf's XML"
"$ahconv" verify "$tmp/unnamed.pdf" >"$tmp/verify" 2>&1
rc=$?
finding="$tmp/unnamed.pdf: page 1: 1 character with no reliable Unicode mapping: \"Frysl�n?\""
[ $rc -eq 1 ] && grep -qxF "$finding" "$tmp/verify" && pass "verify exits 1: $finding" ||
  { fail "verify (exit $rc) does not name the unnamed glyph"; cat "$tmp/verify"; }

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all glyph map checks passed"
