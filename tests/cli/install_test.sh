#!/usr/bin/env bash
# install_test.sh SOURCE_DIR BUILD_DIR PDF
#
# Installs an already-built BUILD_DIR into a temporary prefix and checks the
# installed package from a consumer's side:
#   - examples/list_questions.c built with `pkg-config --cflags --libs ahconv`
#     and the README's -Wl,-rpath, run with no LD_LIBRARY_PATH; built without
#     the rpath it runs with the README's LD_LIBRARY_PATH line
#   - the README's C example and static link line, as the README gives them
#   - examples/CMakeLists.txt configured with find_package(ahconv) against the
#     prefix, linking ahconv::ahconv (shared) and ahconv::ahconv_static
#   - all three print "Vraag 1: ..." for PDF, and print the same lines
#   - libahconv.so has SONAME libahconv.so.0 and exports only ah_* symbols
#   - the installed CLI runs; the manuals, schemas and suppression files are there
#   - the README's Python example, run with PYTHONPATH pointing at the installed
#     package and nothing else set, lists the sample's questions with answers
# Exit 0 on success, 1 (with a message on stderr) on failure, 2 on usage.
set -u -o pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR PDF" >&2
  exit 2
fi
SRC=$(cd "$1" && pwd) || exit 2
BUILD=$(cd "$2" && pwd) || exit 2
PDF=$3
[ -r "$PDF" ] || { echo "install_test: cannot read $PDF" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ahconv-install-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM
PREFIX=$TMP/prefix
LOG=$TMP/log

fail() {
  echo "install_test: FAIL: $*" >&2
  if [ -s "$LOG" ]; then
    echo "---- last output ----" >&2
    tail -n 30 "$LOG" >&2
  fi
  exit 1
}

# Keep a parent build's settings from leaking into the consumer builds.
unset DESTDIR MAKEFLAGS MFLAGS MAKELEVEL CMAKE_PREFIX_PATH PKG_CONFIG_PATH

# ---- install -------------------------------------------------------------
cmake --install "$BUILD" --prefix "$PREFIX" >"$LOG" 2>&1 \
  || fail "cmake --install $BUILD --prefix $PREFIX"

PC=$(find "$PREFIX" -name ahconv.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$PC" ] || fail "no pkgconfig/ahconv.pc installed"
LIBDIR=$(dirname "$(dirname "$PC")")
SO=$LIBDIR/libahconv.so
[ -e "$SO" ] || fail "no $SO installed"
[ -e "$LIBDIR/libahconv.a" ] || fail "no $LIBDIR/libahconv.a installed"
[ -f "$PREFIX/include/ahconv.h" ] || fail "no include/ahconv.h installed"
[ -f "$LIBDIR/cmake/ahconv/ahconvConfig.cmake" ] || fail "no cmake/ahconv/ahconvConfig.cmake installed"
[ -x "$PREFIX/bin/ahconv" ] || fail "no bin/ahconv installed"

# ---- the shared library --------------------------------------------------
soname=$(readelf -d "$SO" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
[ "$soname" = libahconv.so.0 ] || fail "SONAME of $SO is '$soname', want libahconv.so.0"
nm -D --defined-only "$SO" >"$LOG" 2>&1 || fail "nm -D $SO"
[ -n "$(awk '$NF ~ /^ah_/' "$LOG")" ] || fail "$SO exports no ah_* symbols"
stray=$(awk '$NF !~ /^ah_/ {print $NF}' "$LOG" | tr '\n' ' ')
[ -z "$stray" ] || fail "$SO exports symbols outside ah_*: $stray"

"$PREFIX/bin/ahconv" --version >"$LOG" 2>&1 || fail "installed bin/ahconv --version"
for f in share/man/man1/ahconv.1 share/man/man3/ahconv.3 share/ahconv/aanhangsel.rng \
         share/ahconv/aanhangsel.schema.json share/ahconv/valgrind.supp share/ahconv/tsan.supp; do
  [ -f "$PREFIX/$f" ] || fail "no $f installed"
done

# ---- consumers -----------------------------------------------------------
# (ldd output goes to a file first: with pipefail, `ldd | grep -q` fails
# at random when grep exits early and ldd gets SIGPIPE.)
loads_installed() {
  ldd "$1" >"$TMP/ldd" 2>&1 || { cp "$TMP/ldd" "$LOG"; fail "ldd $1"; }
  # the path as the run path spells it (.../lib/pkgconfig/../../lib), resolved
  local loaded
  loaded=$(sed -n 's/^[[:space:]]*libahconv\.so\.0 => \([^ ]*\) .*/\1/p' "$TMP/ldd")
  [ -n "$loaded" ] && [ "$(realpath "$loaded")" = "$(realpath "$LIBDIR/libahconv.so.0")" ]
}
# check_output NAME FILE: FILE is what the example printed for $PDF.
check_output() {
  grep -Eq '^Vraag 1(, [0-9]+)*: ' "$2" \
    || { cp "$2" "$LOG"; fail "$1: output has no line starting 'Vraag 1: '"; }
}

# 1. pkg-config, as the README says: the rpath from the package's libdir, and
# nothing set when the program runs
unset LD_LIBRARY_PATH
export PKG_CONFIG_PATH=$LIBDIR/pkgconfig
flags=$(pkg-config --cflags --libs ahconv 2>"$LOG") || fail "pkg-config --cflags --libs ahconv"
pc_libdir=$(pkg-config --variable=libdir ahconv 2>"$LOG") || fail "pkg-config --variable=libdir ahconv"
# shellcheck disable=SC2086  # flags are a word list
"${CC:-cc}" -std=c11 -Wall -Wextra -o "$TMP/lq-pkgconfig" "$SRC/examples/list_questions.c" \
  $flags -Wl,-rpath,"$pc_libdir" >"$LOG" 2>&1 || fail "compiling list_questions.c with pkg-config flags: $flags"
"$TMP/lq-pkgconfig" "$PDF" >"$TMP/out-pkgconfig" 2>"$LOG" \
  || fail "list_questions (pkg-config build, rpath) exited $? on $PDF with no LD_LIBRARY_PATH"
# without the rpath: the README's LD_LIBRARY_PATH line
# shellcheck disable=SC2086
"${CC:-cc}" -std=c11 -o "$TMP/lq-norpath" "$SRC/examples/list_questions.c" $flags >"$LOG" 2>&1 \
  || fail "compiling list_questions.c without the rpath"
LD_LIBRARY_PATH="$pc_libdir" "$TMP/lq-norpath" "$PDF" >"$TMP/out-norpath" 2>"$LOG" \
  || fail "list_questions (no rpath) exited $? with LD_LIBRARY_PATH=$pc_libdir"
cmp -s "$TMP/out-pkgconfig" "$TMP/out-norpath" || fail "the rpath and LD_LIBRARY_PATH builds differ"
check_output "pkg-config build" "$TMP/out-pkgconfig"
# it must have run against the installed library, not the build tree's
loads_installed "$TMP/lq-pkgconfig" \
  || { cp "$TMP/ldd" "$LOG"; fail "pkg-config build does not load $LIBDIR/libahconv.so.0"; }

# 2. find_package(ahconv), shared and static
for kind in shared static; do
  static=OFF; [ $kind = static ] && static=ON
  bdir=$TMP/build-$kind
  cmake -S "$SRC/examples" -B "$bdir" -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DAHCONV_EXAMPLES_STATIC=$static >"$LOG" 2>&1 \
    || fail "configuring examples/CMakeLists.txt ($kind) with CMAKE_PREFIX_PATH=$PREFIX"
  found=$(sed -n 's/^ahconv_DIR:PATH=//p' "$bdir/CMakeCache.txt")
  [ "$found" = "$LIBDIR/cmake/ahconv" ] \
    || fail "find_package(ahconv) ($kind) used '$found', not $LIBDIR/cmake/ahconv"
  cmake --build "$bdir" >"$LOG" 2>&1 || fail "building examples ($kind)"
  "$bdir/list_questions" "$PDF" >"$TMP/out-$kind" 2>"$LOG" \
    || fail "list_questions (CMake $kind build) exited $? on $PDF"
  check_output "CMake $kind build" "$TMP/out-$kind"
  cmp -s "$TMP/out-pkgconfig" "$TMP/out-$kind" \
    || { diff "$TMP/out-pkgconfig" "$TMP/out-$kind" >"$LOG"; fail "pkg-config and CMake $kind builds print different output"; }
done
loads_installed "$TMP/build-shared/list_questions" \
  || { cp "$TMP/ldd" "$LOG"; fail "CMake shared build does not load $LIBDIR/libahconv.so.0"; }
ldd "$TMP/build-static/list_questions" >"$TMP/ldd" 2>&1 || fail "ldd of the CMake static build"
if grep -q libahconv "$TMP/ldd"; then
  cp "$TMP/ldd" "$LOG"; fail "CMake static build loads libahconv.so"
fi

# 3. the README's C example, with its shared and its static link line
sed -n '/^```c$/,/^```$/p' "$SRC/README.md" | sed '1d;$d' >"$TMP/list.c"
[ "$(wc -l <"$TMP/list.c")" -ge 10 ] || fail "no C example found in README.md"
# shellcheck disable=SC2086
"${CC:-cc}" -std=c11 -Wall -Wextra -Werror -o "$TMP/readme-c" "$TMP/list.c" $flags -Wl,-rpath,"$pc_libdir" \
  >"$LOG" 2>&1 || fail "compiling the README's C example"
"$TMP/readme-c" "$PDF" >"$TMP/out-readme-c" 2>"$LOG" || fail "the README's C example exited $? on $PDF"
[ "$(grep -c '^Vraag ' "$TMP/out-readme-c")" -eq "$(wc -l <"$TMP/out-pkgconfig")" ] \
  || { cp "$TMP/out-readme-c" "$LOG"; fail "the README's C example and list_questions list different questions"; }
# the static link: the README's block after "A static link", run as written
# (it builds list.c into a.out) in a folder of its own
sed -n '/A static link names the archive/,/^```$/p' "$SRC/README.md" | sed -n '/^```sh$/,/^```$/p' | sed '1d;$d' >"$TMP/static.sh"
grep -q 'libahconv\.a' "$TMP/static.sh" || fail "no static link line found in README.md"
mkdir "$TMP/static" && cp "$TMP/list.c" "$TMP/static/"
(cd "$TMP/static" && sh "$TMP/static.sh") >"$LOG" 2>&1 || fail "the README's static link line: $(cat "$TMP/static.sh")"
ldd "$TMP/static/a.out" >"$TMP/ldd" 2>&1 || fail "ldd of the README's static link"
if grep -q libahconv "$TMP/ldd"; then cp "$TMP/ldd" "$LOG"; fail "the README's static link loads libahconv.so"; fi
"$TMP/static/a.out" "$PDF" | cmp -s - "$TMP/out-readme-c" || fail "the static link prints other lines"

# ---- error path ----------------------------------------------------------
"$TMP/lq-pkgconfig" "$TMP/missing.pdf" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 2 ] || fail "list_questions on a missing file exited $rc, want 2"
grep -q "^$TMP/missing.pdf: " "$TMP/err" || { cp "$TMP/err" "$LOG"; fail "error message not 'FILE: message'"; }

# ---- the README's Python example ------------------------------------------
# The block after the marker in README.md, run as the README says: Python's
# path set to the installed package, the library found by the binding alone.
PYDIR=$(sed -n 's/^AHCONV_PYTHON_DIR:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
case $PYDIR in /*) ;; *) PYDIR=$PREFIX/$PYDIR ;; esac
[ -f "$PYDIR/ahconv/__init__.py" ] || fail "no $PYDIR/ahconv/__init__.py installed"
sed -n '/<!-- install_test.sh: the README.s Python example -->/,/^```$/p' "$SRC/README.md" \
  | sed '1,2d;$d' >"$TMP/questions.py"
[ "$(wc -l <"$TMP/questions.py")" -ge 5 ] || fail "no Python example found in README.md"
(cd "$TMP" && env -u AHCONV_LIBRARY PYTHONPATH="$PYDIR" \
   python3 questions.py "$PDF") >"$TMP/out-python" 2>"$LOG" \
  || fail "the README's Python example exited $? on $PDF"
grep -q '^Vraag 1: ' "$TMP/out-python" && grep -q '^  Antwoord 1: ' "$TMP/out-python" \
  || { cp "$TMP/out-python" "$LOG"; fail "the README's Python example did not list Vraag 1 with Antwoord 1"; }
[ "$(grep -c '^Vraag ' "$TMP/out-python")" -eq "$(wc -l <"$TMP/out-pkgconfig")" ] \
  || { cp "$TMP/out-python" "$LOG"; fail "the Python example and list_questions list different questions"; }

echo "install_test: ok ($(wc -l <"$TMP/out-pkgconfig") questions; $(head -n 1 "$TMP/out-pkgconfig"))"
exit 0
