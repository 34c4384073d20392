#!/usr/bin/env bash
# Turned pages and bundles.  Each PDF is converted as it is and as copies
# made with qpdf: one page turned +90 (its second, or its only one), every
# page turned +90, 180 and 270 (/Rotate), every page's text drawn turned
# (the rotation flattened into the content stream: /Rotate 0, turned text
# matrices), that drawn-turned copy turned +90 again by /Rotate, and a mix
# (page 1 +90, page 2 +270).  Every copy must give the same XML as the
# original apart from bron.  Consecutive pairs are joined into one file
# (qpdf --empty --pages a b): convert must refuse it with exit 2 naming
# both ids and their pages, verify must name the bundle (exit 1), and
# convert --split must give exactly each original's XML apart from bron,
# whose pagina-van/pagina-tot give its pages in the joined file.
#
# usage: turn_bundle_test.sh AHCONV corpus SOURCE_DIR   the corpus PDFs
#                                                       (exit 77 when absent)
#        turn_bundle_test.sh AHCONV generated AHGEN N   N documents ahgen writes
# Ends with "N passed, M failed"; exit 0 when all pass, 1 otherwise.
set -u
ahconv=$1
mode=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
command -v qpdf >/dev/null || { echo "qpdf is needed (tools/install-deps.sh)" >&2; exit 2; }
pdfs=()
if [ "$mode" = corpus ]; then
  src=$3/corpus/pdf
  if [ ! -d "$src" ]; then
    echo "SKIP: no corpus at $src"
    exit 77
  fi
  for f in "$src"/*.pdf; do pdfs+=("$f"); done
else
  for ((s = 1; s <= $4; s++)); do
    "$3" "$s" "$dir/gen-$s.pdf" "$dir/gen-$s.xml" || { echo "ahgen $s failed" >&2; exit 2; }
    pdfs+=("$dir/gen-$s.pdf")
  done
fi
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
  failed=$((failed + 1))
  echo "FAIL: $*"
}
# the XML without its bron line
body() { grep -v '<bron ' "$1"; }

declare -A tally
for f in "${pdfs[@]}"; do
  b=$(basename "$f" .pdf)
  "$ahconv" convert "$f" -o "$dir/$b.xml" 2>"$dir/err" || { bad "$b: original: $(cat "$dir/err")"; continue; }
  body "$dir/$b.xml" >"$dir/$b.body"
  pages=$(qpdf --show-npages "$f")
  one=2
  [ "$pages" -lt 2 ] && one=1
  qpdf --rotate=+90 "$f" "$dir/t.pdf" && qpdf --flatten-rotation "$dir/t.pdf" "$dir/$b.drawn.pdf"
  qpdf --rotate=+90 "$dir/$b.drawn.pdf" "$dir/$b.drawn+90.pdf"
  qpdf --rotate=+90:$one "$f" "$dir/$b.one.pdf"
  qpdf --rotate=+90 "$f" "$dir/$b.all90.pdf"
  qpdf --rotate=180 "$f" "$dir/$b.all180.pdf"
  qpdf --rotate=270 "$f" "$dir/$b.all270.pdf"
  if [ "$pages" -ge 2 ]; then qpdf --rotate=+90:1 --rotate=+270:2 "$f" "$dir/$b.mixed.pdf"; fi
  for t in one all90 all180 all270 drawn drawn+90 mixed; do
    [ -f "$dir/$b.$t.pdf" ] || continue
    if "$ahconv" convert "$dir/$b.$t.pdf" -o "$dir/$b.$t.xml" 2>"$dir/err" &&
      body "$dir/$b.$t.xml" | cmp -s - "$dir/$b.body"; then
      ok
      tally[$t]=$((${tally[$t]:-0} + 1))
    else
      bad "$b turned ($t): $(cat "$dir/err"; body "$dir/$b.$t.xml" 2>/dev/null | diff "$dir/$b.body" - | head -4)"
    fi
  done
done
for t in one all90 all180 all270 drawn drawn+90 mixed; do echo "turned $t: ${tally[$t]:-0} identical"; done

# The findings report of two turned PDFs shows the same page images as the
# originals' (the pages kept upright for it, as their boxes were read):
# the same page apart from the names and checksums.
report() { sed -e 's/sha256 <code>[0-9a-f]*<\/code>//g' -e "s|$dir/||g; s/\.turned//g" "$1"; }
if [ ${#pdfs[@]} -ge 2 ]; then
  a=$(basename "${pdfs[0]}" .pdf)
  b=$(basename "${pdfs[1]}" .pdf)
  cp "${pdfs[0]}" "$dir/$a.pdf" 2>/dev/null
  cp "${pdfs[1]}" "$dir/$b.pdf" 2>/dev/null
  cp "$dir/$a.all90.pdf" "$dir/$a.turned.pdf"
  cp "$dir/$b.drawn.pdf" "$dir/$b.turned.pdf"
  "$ahconv" verify --html "$dir/upright.html" "$dir/$a.pdf" "$dir/$b.pdf" >/dev/null
  "$ahconv" verify --html "$dir/turned.html" "$dir/$a.turned.pdf" "$dir/$b.turned.pdf" >/dev/null
  if [ -s "$dir/upright.html" ] && grep -q 'data:image/png' "$dir/upright.html" &&
    cmp -s <(report "$dir/upright.html") <(report "$dir/turned.html"); then
    ok
  else
    bad "the report of turned pages shows other page images than the upright one's"
  fi
fi

# the id as convert printed it for the original
id_of() { sed -n 's/.*<aanhangsel [^>]* id="\([^"]*\)".*/\1/p' "$dir/$1.xml"; }
joined=0
for ((i = 0; i + 1 < ${#pdfs[@]}; i++)); do
  a=$(basename "${pdfs[i]}" .pdf)
  b=$(basename "${pdfs[i + 1]}" .pdf)
  [ -f "$dir/$a.body" ] && [ -f "$dir/$b.body" ] || continue
  ida=$(id_of "$a")
  idb=$(id_of "$b")
  pa=$(qpdf --show-npages "${pdfs[i]}")
  pb=$(qpdf --show-npages "${pdfs[i + 1]}")
  j="$dir/joined.pdf"
  qpdf --empty --pages "${pdfs[i]}" "${pdfs[i + 1]}" -- "$j"
  range() { if [ "$1" = "$2" ]; then echo "page $1"; else echo "pages $1-$2"; fi; }
  want="ahconv: $j: holds 2 documents: $ida ($(range 1 "$pa")), $idb ($(range $((pa + 1)) $((pa + pb)))); convert them with --split"
  "$ahconv" convert "$j" >"$dir/out" 2>"$dir/err"
  rc=$?
  if [ $rc = 2 ] && [ "$(cat "$dir/err")" = "$want" ] && [ ! -s "$dir/out" ]; then ok; else bad "$a+$b: convert exit $rc: $(cat "$dir/err")"; fi
  "$ahconv" verify "$j" >"$dir/out" 2>&1
  rc=$?
  if [ $rc = 1 ] && head -1 "$dir/out" | grep -qF "$j: bundle: holds 2 documents: $ida"; then ok; else bad "$a+$b: verify exit $rc: $(head -2 "$dir/out")"; fi
  rm -rf "$dir/split"
  if "$ahconv" convert --split -o "$dir/split" "$j" 2>"$dir/err" && [ "$(ls "$dir/split" | wc -l)" = 2 ] &&
    body "$dir/split/$ida.xml" | cmp -s - "$dir/$a.body" && body "$dir/split/$idb.xml" | cmp -s - "$dir/$b.body" &&
    grep -q "<bron [^>]*paginas=\"$pb\" pagina-van=\"$((pa + 1))\" pagina-tot=\"$((pa + pb))\"" "$dir/split/$idb.xml"; then
    ok
    joined=$((joined + 1))
  else
    bad "$a+$b: --split: $(cat "$dir/err"; ls "$dir/split" 2>/dev/null | tr '\n' ' ')"
  fi
done
# a gzip-compressed bundle splits as well
if [ -f "$dir/joined.pdf" ]; then
  gzip -c "$dir/joined.pdf" >"$dir/joined.pdf.gz"
  rm -rf "$dir/split"
  if "$ahconv" convert --split -o "$dir/split" "$dir/joined.pdf.gz" && [ "$(ls "$dir/split" | wc -l)" = 2 ]; then ok; else bad "gzip bundle: --split"; fi
fi
echo "joined pairs refused and split exactly: $joined"
echo "$passed passed, $failed failed"
[ $failed = 0 ]
