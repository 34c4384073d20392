#!/usr/bin/env bash
# The whole test suite: a warnings-as-errors build with every test (unit,
# sample, bad input, corpus, schema, docs, API contract, Python, leaks under
# valgrind, install), then an AddressSanitizer/UBSan build running the same
# tests (the Python binding's as python_asan), then the thread test and the
# Python binding's tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DAHCONV_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure
cmake -S . -B build-asan -DAHCONV_WERROR=ON -DAHCONV_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
# valgrind cannot run under ASan; the sanitizer build checks leaks itself
LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan -j"$jobs" --output-on-failure -E '^leaks(_corpus)?$'
# ThreadSanitizer: conversions and renderings from several threads, and the
# Python binding's tests (close from another thread among them), tests/sanitizers/tsan.supp
cmake -S . -B build-tsan -DAHCONV_WERROR=ON -DAHCONV_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target test_threads ahconv ahconv_cli
ctest --test-dir build-tsan --output-on-failure -R '^(test_threads|python_tsan)$'
