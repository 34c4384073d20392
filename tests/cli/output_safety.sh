#!/usr/bin/env bash
# What `ahconv convert -o OUT` does with what is already at OUT:
#  - the input itself (same device and inode: the name, a hard link, a
#    symbolic link) is refused: exit 2, one line naming OUT, input untouched;
#  - a directory, a socket or a dangling symbolic link is refused the same way;
#  - a character device or a FIFO is written in place (no rename: it stays
#    what it is), gzip-compressed when its name ends in .gz;
#  - a symbolic link to a regular file replaces the file it points to (the
#    temporary file beside the target, not beside the link), the link stays;
#  - "-o -" is standard output; a link to standard output or standard error
#    (/dev/stdout, /dev/stderr) writes to that stream;
#  - the metadata record read (beside the input, or --metadata) is refused
#    like the input, by verify --html too;
#  - a replaced file keeps its mode; a 254-byte name is written.
# Nothing here touches /dev: the device node and the link to standard output
# are made in a temporary folder.
# usage: output_safety.sh AHCONV SAMPLE.pdf
set -u
ahconv=$(realpath "$1")
sample=$(realpath "$2")
w=$(mktemp -d)
reader=
trap '[ -n "$reader" ] && kill "$reader" 2>/dev/null; rm -rf "$w"' EXIT
passed=0 failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

cd "$w" || exit 1 # a file named "-" would land here
cp "$sample" "$w/in.pdf"
"$ahconv" convert "$w/in.pdf" >"$w/ref.xml" || { echo "cannot convert the sample"; exit 1; }

# refused NAME OUT MESSAGE: exit 2, exactly "ahconv: OUT: MESSAGE" on stderr,
# nothing on stdout, the input unchanged
refused() {
  local name=$1 out=$2 want="ahconv: $2: $3" rc
  "$ahconv" convert -o "$out" "$w/in.pdf" >"$w/stdout" 2>"$w/stderr"
  rc=$?
  if [ "$rc" -eq 2 ] && [ "$(cat "$w/stderr")" = "$want" ] && [ ! -s "$w/stdout" ] && cmp -s "$sample" "$w/in.pdf"; then
    pass "$name: $want"
  else
    fail "$name: exit $rc, stderr '$(cat "$w/stderr")', want '$want'; input $(cmp -s "$sample" "$w/in.pdf" && echo unchanged || echo CHANGED)"
    cp "$sample" "$w/in.pdf"
  fi
}

refused "the input itself" "$w/in.pdf" "cannot write: is the input file"
ln "$w/in.pdf" "$w/hard.pdf"
refused "a hard link to the input" "$w/hard.pdf" "cannot write: is the input file"
ln -s in.pdf "$w/soft.pdf"
refused "a symbolic link to the input" "$w/soft.pdf" "cannot write: is the input file"
[ -L "$w/soft.pdf" ] || fail "the symbolic link to the input is gone"

mkdir "$w/dir.xml"
refused "a directory" "$w/dir.xml" "cannot write: is a directory"
[ -d "$w/dir.xml" ] || fail "the directory is gone"

python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$w/sock.xml"
refused "a socket" "$w/sock.xml" "cannot write: is a socket"
[ -S "$w/sock.xml" ] || fail "the socket is gone"

ln -s "$w/nowhere/x.xml" "$w/dangling.xml"
refused "a dangling symbolic link" "$w/dangling.xml" "cannot write: dangling symbolic link"
if [ -L "$w/dangling.xml" ] && [ ! -e "$w/nowhere" ]; then pass "the dangling link stays, nothing made where it points"; else fail "dangling link: $(ls -l "$w")"; fi

# a character device: our own node of /dev/null (root only)
if mknod "$w/null" c 1 3 2>/dev/null; then
  if "$ahconv" convert -o "$w/null" "$w/in.pdf" 2>"$w/stderr" && [ -c "$w/null" ] && [ ! -s "$w/stderr" ]; then
    pass "a character device is written in place and stays a device"
  else
    fail "character device: $(ls -l "$w/null"), $(cat "$w/stderr")"
  fi
else
  echo "note: cannot make a device node (not root); character device not checked"
fi

# a FIFO, plain and .gz: the reader gets the XML, the FIFO stays a FIFO
through_fifo() {  # FIFO_NAME DECODE
  mkfifo "$w/$1"
  $2 <"$w/$1" >"$w/from-fifo.xml" &
  reader=$!
  "$ahconv" convert -o "$w/$1" "$w/in.pdf" 2>"$w/stderr"
  local rc=$?
  # a reader still waiting (nothing opened the FIFO) gets end of file; one
  # left waiting on a FIFO that was renamed away is ended
  if [ -p "$w/$1" ]; then exec 5<>"$w/$1"; exec 5<&-; else kill "$reader"; fi
  wait "$reader"
  reader=
  if [ "$rc" -eq 0 ] && [ -p "$w/$1" ] && cmp -s "$w/ref.xml" "$w/from-fifo.xml"; then
    pass "a FIFO ($1) is written in place and stays a FIFO"
  else
    fail "FIFO $1: exit $rc, $(ls -l "$w/$1"), $(cat "$w/stderr")"
  fi
}
through_fifo out.fifo cat
through_fifo out.xml.gz "gzip -dc"

# a symbolic link to standard output (as /dev/stdout is): the XML reaches
# the pipe and the link stays a link
ln -s /proc/self/fd/1 "$w/stdout-link"
"$ahconv" convert -o "$w/stdout-link" "$w/in.pdf" 2>"$w/stderr" | cat >"$w/piped.xml"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 0 ] && [ -L "$w/stdout-link" ] && cmp -s "$w/ref.xml" "$w/piped.xml"; then
  pass "a link to standard output: the XML goes through the pipe, the link stays"
else
  fail "link to standard output: exit $rc, $(ls -l "$w/stdout-link"), $(wc -c <"$w/piped.xml") bytes piped, $(cat "$w/stderr")"
fi

# a link to standard output when that is a file opened for appending: the
# XML is appended through it, the file is not replaced
printf 'earlier line\n' >"$w/log"
"$ahconv" convert -o "$w/stdout-link" "$w/in.pdf" 2>"$w/stderr" >>"$w/log"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(head -1 "$w/log")" = "earlier line" ] && tail -n +2 "$w/log" | cmp -s "$w/ref.xml" -; then
  pass "a link to standard output appended to a log: appended, not replaced"
else
  fail "link to standard output, >> log: exit $rc, $(head -2 "$w/log"), $(cat "$w/stderr")"
fi

# "-o -" is standard output
"$ahconv" convert -o - "$w/in.pdf" >"$w/dash.xml" 2>"$w/stderr"
rc=$?
if [ "$rc" -eq 0 ] && cmp -s "$w/ref.xml" "$w/dash.xml" && [ ! -e "$w/-" ]; then
  pass "-o - writes standard output"
else
  fail "-o -: exit $rc, $(cat "$w/stderr")"
fi

# a symbolic link to a regular file in another folder: the file is replaced,
# the link stays, no temporary file is left in either folder
mkdir "$w/real" "$w/links"
printf 'old\n' >"$w/real/target.xml"
ln -s ../real/target.xml "$w/links/link.xml"
"$ahconv" convert -o "$w/links/link.xml" "$w/in.pdf" 2>"$w/stderr"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(readlink "$w/links/link.xml")" = ../real/target.xml ] && cmp -s "$w/ref.xml" "$w/real/target.xml" &&
   [ "$(ls -A "$w/real")" = target.xml ] && [ "$(ls -A "$w/links")" = link.xml ]; then
  pass "a link to a regular file: the target replaced, the link kept"
else
  fail "link to a file: exit $rc, link -> $(readlink "$w/links/link.xml"), real/: $(ls -A "$w/real"), links/: $(ls -A "$w/links"), $(cat "$w/stderr")"
fi
# the same with a .gz target: compressed, through the link
printf 'old\n' >"$w/real/target.xml.gz"
ln -s ../real/target.xml.gz "$w/links/link.xml.gz"
if "$ahconv" convert -o "$w/links/link.xml.gz" "$w/in.pdf" 2>"$w/stderr" && [ -L "$w/links/link.xml.gz" ] &&
   gzip -dc "$w/real/target.xml.gz" | cmp -s "$w/ref.xml" -; then
  pass "a link to a .gz file: the target replaced, compressed"
else
  fail "link to a .gz file: $(cat "$w/stderr")"
fi

# a plain regular file is still replaced whole
printf 'old\n' >"$w/plain.xml"
if "$ahconv" convert -o "$w/plain.xml" "$w/in.pdf" 2>"$w/stderr" && cmp -s "$w/ref.xml" "$w/plain.xml"; then
  pass "a regular file is replaced"
else
  fail "regular file: $(cat "$w/stderr")"
fi

# Every file read is an input, not only the rendition: the metadata record
# found beside it (in.metadata.xml) or named by --metadata is refused as
# OUT too (it was overwritten, exit 0), and so by verify --html.
record='<?xml version="1.0" encoding="UTF-8"?>
<metadata_gegevens>
<metadata name="DC.identifier" scheme="OVERHEIDop.ParlID" content="ah-tk-20252026-9999"/>
<metadata name="OVERHEIDop.vraagnummer" scheme="" content="2025Z99999"/>
</metadata_gegevens>'
printf '%s\n' "$record" >"$w/in.metadata.xml"
refused "the metadata record found beside the input" "$w/in.metadata.xml" "cannot write: is the metadata record read"
printf '%s\n' "$record" | cmp -s - "$w/in.metadata.xml" || fail "the record beside the input was changed"
ln -s in.metadata.xml "$w/record-link.xml"
refused "a link to the record beside the input" "$w/record-link.xml" "cannot write: is the metadata record read"
mv "$w/in.metadata.xml" "$w/rec.xml"
"$ahconv" convert --metadata "$w/rec.xml" -o "$w/rec.xml" "$w/in.pdf" >"$w/stdout" 2>"$w/stderr"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(cat "$w/stderr")" = "ahconv: $w/rec.xml: cannot write: is the metadata record read" ] &&
   printf '%s\n' "$record" | cmp -s - "$w/rec.xml"; then
  pass "--metadata REC -o REC is refused, the record kept"
else
  fail "--metadata REC -o REC: exit $rc, $(cat "$w/stderr")"
fi
# ... and a record nobody reads is an ordinary file: with --metadata another
# record is read, so the one beside the input may be written over
mv "$w/rec.xml" "$w/in.metadata.xml"
cp "$w/in.metadata.xml" "$w/other.xml"
if "$ahconv" convert --metadata "$w/other.xml" -o "$w/in.metadata.xml" "$w/in.pdf" 2>"$w/stderr" &&
   grep -q '</aanhangsel>' "$w/in.metadata.xml"; then
  pass "with --metadata, the unread record beside the input is an ordinary output"
else
  fail "--metadata OTHER -o in.metadata.xml: $(cat "$w/stderr")"
fi
printf '%s\n' "$record" >"$w/in.metadata.xml"
"$ahconv" verify --html "$w/in.metadata.xml" "$w/in.pdf" >"$w/stdout" 2>"$w/stderr"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(cat "$w/stderr")" = "ahconv: $w/in.metadata.xml: cannot write: is an input file" ] &&
   printf '%s\n' "$record" | cmp -s - "$w/in.metadata.xml"; then
  pass "verify --html over the record read beside the input is refused"
else
  fail "verify --html over the record: exit $rc, $(cat "$w/stderr")"
fi
rm -f "$w/in.metadata.xml" "$w/record-link.xml" "$w/other.xml"

# a file name of 254 bytes is legal: its temporary name must fit NAME_MAX too
long=$(printf 'a%.0s' $(seq 250)).xml
if "$ahconv" convert -o "$w/$long" "$w/in.pdf" 2>"$w/stderr" && cmp -s "$w/ref.xml" "$w/$long" &&
   [ "$(ls -A "$w" | grep -c '^aaaa')" -eq 1 ]; then
  pass "a 254-byte file name is written, no temporary left"
else
  fail "254-byte file name: $(cat "$w/stderr")"
fi
rm -f "$w/$long"

# a replaced file keeps its mode (a private 0600 file stayed 0644 before)
printf 'old\n' >"$w/private.xml"
chmod 600 "$w/private.xml"
if "$ahconv" convert -o "$w/private.xml" "$w/in.pdf" 2>"$w/stderr" && cmp -s "$w/ref.xml" "$w/private.xml" &&
   [ "$(stat -c %a "$w/private.xml")" = 600 ]; then
  pass "a replaced 0600 file stays 0600"
else
  fail "mode of a replaced file: $(stat -c %a "$w/private.xml"), $(cat "$w/stderr")"
fi
chmod 640 "$w/private.xml"
if "$ahconv" convert -o "$w/private.xml" "$w/in.pdf" 2>"$w/stderr" && [ "$(stat -c %a "$w/private.xml")" = 640 ]; then
  pass "a replaced 0640 file stays 0640"
else
  fail "mode of a replaced 0640 file: $(stat -c %a "$w/private.xml"), $(cat "$w/stderr")"
fi

# a symbolic link to standard error (as /dev/stderr is), standard error a
# log opened for appending: the XML is appended through it, the log is not
# replaced (taken for a link to a regular file, it was renamed over)
ln -s /proc/self/fd/2 "$w/stderr-link"
printf 'earlier line\n' >"$w/errlog"
"$ahconv" convert -o "$w/stderr-link" "$w/in.pdf" >"$w/stdout" 2>>"$w/errlog"
rc=$?
if [ "$rc" -eq 0 ] && [ -L "$w/stderr-link" ] && [ "$(head -1 "$w/errlog")" = "earlier line" ] &&
   tail -n +2 "$w/errlog" | cmp -s "$w/ref.xml" - && [ ! -s "$w/stdout" ]; then
  pass "a link to standard error appended to a log: appended, not replaced"
else
  fail "link to standard error, 2>> log: exit $rc, $(head -2 "$w/errlog")"
fi

echo "output_safety: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
