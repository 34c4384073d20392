#!/usr/bin/env bash
# batch --bag: OUTDIR as a BagIt bag (RFC 8493), checked by
# tests/tools/bagit_check.py (written from the RFC's text):
#  - a fresh bag with --bag-originals is valid: outputs, originals and one
#    PREMIS 3 record per document under data/, bag-info.txt with
#    Bagging-Date, Payload-Oxum and Bag-Software-Agent; each record names
#    its renditions' and its output's sha256, the tool and the outcome;
#  - a run interrupted (SIGINT while an input is held) leaves no bagit.txt;
#    the resumed run ends in a complete, valid bag;
#  - the checker fails a bag with one changed byte, a payload file missing
#    from the manifest, and a wrong Payload-Oxum.
# usage: batch_bag_test.sh AHCONV AHGEN SAMPLES_DIR TESTS_DIR
set -u
ahconv=$1
ahgen=$2
samples=$3
tests=$4
. "$(dirname "$0")/../tools/lib.sh"
check() { python3 "$tests/tools/bagit_check.py" "$1"; }

mkdir -p "$tmp/arch/a" "$tmp/gen"
cp "$samples/ah-tk-20252026-9999.pdf" "$samples/ah-tk-20252026-9999.html" "$tmp/arch/a/"
"$ahgen" --seed 60 --count 4 --out "$tmp/gen" >/dev/null || { echo "FAIL: ahgen"; exit 1; }
for s in 60 61 62 63; do cp "$tmp/gen/gen-$s.pdf" "$tmp/arch/a/"; done

# 1. a fresh bag
"$ahconv" batch -j2 --quiet --bag-originals -o "$tmp/B" "$tmp/arch" 2>"$tmp/err"
rc=$?
out=$(check "$tmp/B")
premis=$tmp/B/data/premis/a/ah-tk-20252026-9999.premis.xml
xml_sha=$(sha256sum "$tmp/B/data/a/ah-tk-20252026-9999.xml" | cut -d' ' -f1)
pdf_sha=$(sha256sum "$samples/ah-tk-20252026-9999.pdf" | cut -d' ' -f1)
if [ "$rc" -eq 0 ] && [[ "$out" =~ ^valid:\ 16\ payload\ files ]] &&
   grep -qE '^Bagging-Date: [0-9]{4}-[0-9]{2}-[0-9]{2}$' "$tmp/B/bag-info.txt" &&
   grep -qE '^Payload-Oxum: [0-9]+\.16$' "$tmp/B/bag-info.txt" &&
   grep -qE '^Bag-Software-Agent: ahconv [0-9.]+$' "$tmp/B/bag-info.txt" &&
   [ "$(cat "$tmp/B/bagit.txt")" = "BagIt-Version: 1.0
Tag-File-Character-Encoding: UTF-8" ] &&
   cmp -s "$tmp/B/data/originals/a/ah-tk-20252026-9999.pdf" "$samples/ah-tk-20252026-9999.pdf"; then
  pass "a fresh bag: $out (5 documents, 6 originals, 5 PREMIS records)"
else
  fail "fresh bag: exit $rc, $out, $(cat "$tmp/err")"
fi
if xmllint --noout "$premis" 2>/dev/null && grep -q "<messageDigest>$xml_sha</messageDigest>" "$premis" &&
   grep -q "<messageDigest>$pdf_sha</messageDigest>" "$premis" && grep -q '<eventType>normalization</eventType>' "$premis" &&
   grep -q '<eventOutcome>success</eventOutcome>' "$premis" && grep -q '<agentName>ahconv</agentName>' "$premis" &&
   grep -q 'verify findings: 0; renditions compared: 1, differing: 0' "$premis"; then
  pass "the PREMIS record: input and output sha256, the tool, the outcome, the findings"
else
  fail "PREMIS record: $(cat "$premis")"
fi

# 2. interrupted, then resumed
mkfifo "$tmp/hold"
env AHCONV_TEST_HOLD_INPUT=/gen-62.pdf AHCONV_TEST_HOLD_FIFO="$tmp/hold" \
  "$ahconv" batch -j2 --quiet --bag -o "$tmp/R" "$tmp/arch" 2>"$tmp/err" &
pid=$!
pids+=("$pid")
exec 3>"$tmp/hold"
until [ -n "$(find "$tmp/R/data" -name '*.xml' 2>/dev/null | head -1)" ]; do :; done
kill -INT "$pid"
wait "$pid"
rc1=$?
exec 3>&-
[ -e "$tmp/R/bagit.txt" ] && after_stop=bag || after_stop=none
"$ahconv" batch -j2 --quiet --bag -o "$tmp/R" "$tmp/arch" 2>"$tmp/err"
rc2=$?
out=$(check "$tmp/R")
if [ "$rc1" -eq 130 ] && [ "$after_stop" = none ] && [ "$rc2" -eq 0 ] && [[ "$out" =~ ^valid:\ 10\ payload\ files ]]; then
  pass "interrupted (no bagit.txt left), resumed: $out"
else
  fail "resumed bag: exits $rc1 $rc2, bagit.txt after the stop: $after_stop, $out"
fi

# 3. the checker fails what is wrong
cp -r "$tmp/B" "$tmp/C1"
f=$tmp/C1/data/a/ah-tk-20252026-9999.xml
printf 'X' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
out=$(check "$tmp/C1")
[ $? -eq 1 ] && [ "$out" = "manifest-sha256.txt: data/a/ah-tk-20252026-9999.xml has another checksum" ] &&
  pass "one changed byte: invalid, named" || fail "changed byte: $out"
cp -r "$tmp/B" "$tmp/C2"
printf 'stray\n' >"$tmp/C2/data/stray.txt"
out=$(check "$tmp/C2")
[ $? -eq 1 ] && echo "$out" | grep -qx 'manifest-sha256.txt: payload file data/stray.txt is not listed' &&
  echo "$out" | grep -q '^Payload-Oxum [0-9.]*, the payload is ' &&
  pass "a payload file not in the manifest: invalid, and Payload-Oxum wrong" || fail "stray payload: $out"
cp -r "$tmp/B" "$tmp/C3"
sed -i 's/^Payload-Oxum: [0-9]*/Payload-Oxum: 1/' "$tmp/C3/bag-info.txt"
out=$(check "$tmp/C3")
[ $? -eq 1 ] && echo "$out" | grep -q '^Payload-Oxum 1\.16, the payload is ' &&
  echo "$out" | grep -q 'tagmanifest-sha256.txt: bag-info.txt has another checksum' &&
  pass "a wrong Payload-Oxum: invalid" || fail "Payload-Oxum: $out"

echo "batch_bag_test: $failures failed"
[ "$failures" -eq 0 ]
