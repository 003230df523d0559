#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/ (scripts/sanitized-build.sh): any memory
# error, leak or undefined behaviour aborts the test that met it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sanitized-build.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Sanitized code uses more memory than the hostile-input limits allow a
# normal build (ASan's shadow memory and quarantine).
export UCAP_TEST_RSS_LIMIT_MB=${UCAP_TEST_RSS_LIMIT_MB:-3072}
# All but the install test: it builds programs outside this build (CMake
# and pkg-config consumers, Python ctypes) against the installed library,
# and an ASan-instrumented library cannot be loaded by uninstrumented
# programs ("ASan runtime does not come first"). What it checks is
# packaging; the library's code runs under the sanitizers in the unit
# (tests/api) and the other end-to-end tests.
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E '^e2e[.]test_install$'
