#!/usr/bin/env bash
# Bad input must give exit status 2, exactly one line on stderr that names the
# file, and no output file (an existing one untouched, no temporary left).
# usage: bad_input.sh AHCONV GOOD_PDF
set -u
ahconv=$1
good=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }

# expect_error NAME INPUT OUTPUT EXPECTED_MESSAGE_PART [NAMED_FILE]
expect_error() {
  local name=$1 input=$2 out=$3 want=$4 named=${5:-$2}
  "$ahconv" convert -f xml -o "$out" "$input" >"$work/stdout" 2>"$work/stderr"
  local rc=$? lines
  lines=$(wc -l <"$work/stderr")
  if [ "$rc" -ne 2 ]; then fail "$name: exit $rc, want 2"; return; fi
  if [ "$lines" -ne 1 ]; then fail "$name: $lines lines on stderr, want 1: $(cat "$work/stderr")"; return; fi
  if ! grep -qF -- "ahconv: $named: " "$work/stderr"; then fail "$name: stderr does not name $named: $(cat "$work/stderr")"; return; fi
  if ! grep -qF -- "$want" "$work/stderr"; then fail "$name: stderr lacks '$want': $(cat "$work/stderr")"; return; fi
  if [ -s "$work/stdout" ]; then fail "$name: wrote to stdout"; return; fi
  if ls "$work"/out.xml.tmp.* >/dev/null 2>&1; then fail "$name: left a temporary file"; return; fi
  echo "ok: $name: $(cat "$work/stderr")"
  passed=$((passed + 1))
}

expect_no_file() {
  if [ -e "$1" ]; then fail "$2: output file exists"; else passed=$((passed + 1)); fi
}

out="$work/out.xml"

expect_error "missing file" "$work/nope.pdf" "$out" "cannot open: No such file or directory"
expect_no_file "$out" "missing file"

: >"$work/empty.pdf"
expect_error "empty file" "$work/empty.pdf" "$out" "empty file"
expect_no_file "$out" "empty file"

printf 'Dit is geen PDF maar gewone tekst.\n' >"$work/text.pdf"
expect_error "text named .pdf" "$work/text.pdf" "$out" "not a PDF, HTML or publisher XML document"
expect_no_file "$out" "text named .pdf"

size=$(stat -c %s "$good")
head -c $((size / 2)) "$good" >"$work/truncated.pdf"
expect_error "truncated PDF" "$work/truncated.pdf" "$out" "truncated PDF"
expect_no_file "$out" "truncated PDF"

# broken body: the middle of the file overwritten, header and trailer intact
cp "$good" "$work/broken.pdf"
dd if=/dev/zero of="$work/broken.pdf" bs=1 seek=$((size / 5)) count=$((size * 3 / 5)) conv=notrunc status=none
# poppler rebuilds what it can of a damaged file silently; what is left has no
# Aanhangsel structure, and that is what the user is told
expect_error "broken body" "$work/broken.pdf" "$out" "no Vraag or Antwoord found"
expect_no_file "$out" "broken body"

if command -v qpdf >/dev/null; then
  qpdf --encrypt secret owner 256 -- "$good" "$work/encrypted.pdf"
  expect_error "encrypted PDF" "$work/encrypted.pdf" "$out" "PDF is encrypted and needs a password"
  expect_no_file "$out" "encrypted PDF"
else
  fail "encrypted PDF: qpdf is not installed (apt-get install qpdf)"
fi

expect_error "output folder missing" "$good" "$work/no/such/dir/out.xml" "cannot write: No such file or directory" "$work/no/such/dir/out.xml"
expect_error "output under a file" "$good" "$work/empty.pdf/out.xml" "cannot write: Not a directory" "$work/empty.pdf/out.xml"

gzip -c "$good" >"$work/good.pdf.gz"
head -c $(( $(stat -c %s "$work/good.pdf.gz") / 2 )) "$work/good.pdf.gz" >"$work/truncated.pdf.gz"
expect_error "truncated gzip" "$work/truncated.pdf.gz" "$out" "truncated gzip stream"
expect_no_file "$out" "truncated gzip"
gzip -c "$work/good.pdf.gz" >"$work/double.pdf.gz"
expect_error "gzip inside gzip" "$work/double.pdf.gz" "$out" "gzip inside gzip"
if "$ahconv" convert "$work/good.pdf.gz" >"$work/from-gz.xml" 2>"$work/stderr" &&
   "$ahconv" convert "$good" >"$work/from-pdf.xml" &&
   diff <(grep -v '<bron' "$work/from-gz.xml") <(grep -v '<bron' "$work/from-pdf.xml") >/dev/null; then
  passed=$((passed + 1))
else
  fail "gzip input does not convert like the plain file: $(cat "$work/stderr")"
fi

# expect_exact NAME INPUT LINE: exit 2, stderr exactly LINE, no output.
expect_exact() {
  rm -f "$out"
  "$ahconv" convert -f xml -o "$out" "$2" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  if [ "$rc" -eq 2 ] && [ "$(cat "$work/stderr")" = "$3" ] && [ ! -e "$out" ] && [ ! -s "$work/stdout" ]; then
    passed=$((passed + 1))
    echo "ok: $1: $3"
  else
    fail "$1: exit $rc, stderr '$(cat "$work/stderr")', want '$3'"
  fi
}

# Multi-member gzip (`cat a.gz b.gz`, pigz, bgzip): every member is read.
# The HTML split in two halves, each its own member, converts like the
# plain page (reading the first member alone gave its first half, exit 0).
html=${good%.pdf}.html
half=$(( $(wc -l <"$html") / 2 ))
head -n "$half" "$html" | gzip -c >"$work/multi.html.gz"
tail -n +"$((half + 1))" "$html" | gzip -c >>"$work/multi.html.gz"
if "$ahconv" convert "$work/multi.html.gz" >"$work/from-multi.xml" 2>"$work/stderr" &&
   "$ahconv" convert "$html" >"$work/from-html.xml" &&
   diff <(grep -v '<bron' "$work/from-multi.xml") <(grep -v '<bron' "$work/from-html.xml") >/dev/null; then
  passed=$((passed + 1))
  echo "ok: a two-member gzip converts like the plain page"
else
  fail "two-member gzip does not convert like the plain page: $(cat "$work/stderr")"
fi
# bytes after the stream that start no member are refused, not ignored
cp "$work/good.pdf.gz" "$work/trailing.pdf.gz"
printf 'garbage' >>"$work/trailing.pdf.gz"
expect_exact "gzip with trailing garbage" "$work/trailing.pdf.gz" \
  "ahconv: $work/trailing.pdf.gz: 7 bytes of trailing data after the gzip stream"
# A gzip bomb one byte over the 256 MiB inflation cap is refused naming the
# cap (a larger cap would inflate it and fail later with another message);
# the cap holds for all members together: two members of 128 MiB + 1 byte.
head -c $((256 * 1024 * 1024 + 1)) /dev/zero | gzip -1 -c >"$work/bomb.pdf.gz"
expect_exact "gzip bomb just over the cap" "$work/bomb.pdf.gz" \
  "ahconv: $work/bomb.pdf.gz: gzip content larger than 256 MiB"
head -c $((128 * 1024 * 1024 + 1)) /dev/zero | gzip -1 -c >"$work/bomb2.pdf.gz"
cat "$work/bomb2.pdf.gz" "$work/bomb2.pdf.gz" >"$work/bomb-members.pdf.gz"
expect_exact "two gzip members together over the cap" "$work/bomb-members.pdf.gz" \
  "ahconv: $work/bomb-members.pdf.gz: gzip content larger than 256 MiB"
rm -f "$work"/bomb*.pdf.gz

# HTML: a page without an Aanhangsel, and a hostile one whose entities must
# stay unexpanded (no file read, no billion laughs, no network)
printf '<!DOCTYPE html><html><body><p>Hallo wereld</p></body></html>\n' >"$work/page.html"
expect_error "HTML page that is no Aanhangsel" "$work/page.html" "$out" "no Vraag or Antwoord found"
expect_no_file "$out" "HTML page that is no Aanhangsel"
hostile=$(dirname "$0")/../fuzz/seeds/entities.html
if "$ahconv" convert "$hostile" >"$work/hostile.xml" 2>"$work/stderr" &&
   grep -qF '<al>Bestand: &amp;xxe; Lach: &amp;lol9; Einde.</al>' "$work/hostile.xml" &&
   ! grep -q 'root:' "$work/hostile.xml" && [ "$(stat -c %s "$work/hostile.xml")" -lt 4096 ]; then
  passed=$((passed + 1))
  echo "ok: HTML entities stay unexpanded"
else
  fail "hostile HTML: $(cat "$work/stderr")"
fi

# an existing output survives a failed conversion
printf 'keep me\n' >"$out"
expect_error "existing output kept" "$work/truncated.pdf" "$out" "truncated PDF"
if [ "$(cat "$out")" = "keep me" ]; then passed=$((passed + 1)); else fail "existing output was changed"; fi

# and a good conversion replaces it whole
if "$ahconv" convert -o "$out" "$good" 2>"$work/stderr" && grep -q '</aanhangsel>' "$out"; then
  passed=$((passed + 1))
else
  fail "good conversion to an existing output: $(cat "$work/stderr")"
fi

# usage errors
"$ahconv" convert >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then passed=$((passed + 1)); else fail "convert without input: exit $rc"; fi
"$ahconv" convert -f docx "$good" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then passed=$((passed + 1)); else fail "unknown format: exit $rc"; fi
"$ahconv" convert -o "" "$good" >/dev/null 2>"$work/stderr"; rc=$?
if [ "$rc" -eq 2 ] && [ "$(head -1 "$work/stderr")" = "ahconv: -o needs a file name" ]; then passed=$((passed + 1)); else fail "convert -o \"\": exit $rc, $(head -1 "$work/stderr")"; fi

# Limits: a page nested past the HTML reader's depth is refused whole,
# naming the limit (libxml2 alone cut it at 256 and kept going, exit 0).
python3 -c "print('<html><body><p>Vraag 1</p>' + '<div>' * 100000 + 'diep' + '</div>' * 100000 + '</body></html>')" >"$work/deep.html"
rm -f "$out"
expect_error "HTML nested 100,000 deep" "$work/deep.html" "$out" "HTML nested deeper than 200 elements"
expect_no_file "$out" "HTML nested 100,000 deep"

# Many tiny elements make the largest tree per byte (and the slowest read):
# past the element cap the page is refused, naming the cap; at the cap it
# converts.  The same cap holds for the publisher's XML.
python3 -c "print('<html><body><p>Vraag 1</p><p>' + '<b>x</b>' * 250001 + '</p></body></html>')" >"$work/tiny.html"
expect_error "HTML of 250,001 tiny elements" "$work/tiny.html" "$out" "HTML page has over 250000 elements"
expect_no_file "$out" "HTML of 250,001 tiny elements"
python3 -c "print('<kamervragen><vraag><nr>Vraag 1</nr><al>' + '<nadruk>x</nadruk>' * 250000 + '</al></vraag></kamervragen>')" >"$work/tiny.xml"
expect_error "publisher XML of 250,002 elements" "$work/tiny.xml" "$out" "publisher XML has over 250000 elements"
python3 -c "print('<html><body><p>Vraag 1</p><p>' + '<b>x</b>' * 249990 + '</p></body></html>')" >"$work/many.html"
if "$ahconv" convert -o "$out" "$work/many.html" 2>"$work/stderr" && grep -q '</aanhangsel>' "$out"; then
  passed=$((passed + 1))
else
  fail "HTML of 249,995 elements: $(cat "$work/stderr")"
fi
rm -f "$out"

# ... and a paragraph of 12 MB, past libxml2's 10 MB text node limit, is
# read whole: its last word is in the output (it was cut silently once).
python3 -c "
words = ' '.join('woord%d' % i for i in range(1000000))
print('<html><body><p>Vragen van het lid Smit (VVD) aan de Minister van Financiën over de begroting (ingezonden 1 mei 2025).</p><p>Vraag 1</p><p>' + words + '</p></body></html>')" >"$work/long.html"
if "$ahconv" convert -o "$work/long.xml" "$work/long.html" && grep -q 'woord999998 woord999999</al>' "$work/long.xml"; then
  passed=$((passed + 1))
  echo "ok: a 12 MB paragraph is read to its last word"
else
  fail "a 12 MB paragraph lost its end"
fi

# A small gzip that inflates to a page past the HTML byte cap (16 MiB) is
# refused, naming the cap: reading takes several times the page's bytes
# (a 150 MiB page took 1.4 GB).
python3 -c "
import gzip
with gzip.open('$work/huge.html.gz', 'wb') as f:
    f.write(b'<html><body><p>Vraag 1</p><p>Antwoord 1</p><p>')
    f.write(b'Dit is een zin met wat tekst. ' * ((16 * 1024 + 512) * 1024 // 30))
    f.write(b'</p></body></html>')"
expect_error "HTML page past the byte cap" "$work/huge.html.gz" "$out" "HTML page too large: 17 MiB, over the cap of 16 MiB on a page"
expect_no_file "$out" "HTML page past the byte cap"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
