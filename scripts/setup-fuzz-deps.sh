#!/usr/bin/env bash
# Installs what fuzzing needs beyond scripts/setup-deps.sh: clang 14 with
# its runtime (libFuzzer and the sanitizers) and llvm-14 for
# llvm-symbolizer (readable stack traces). Kept apart so that the quick
# start stays lean; scripts/fuzz.sh calls it. Only what is missing is
# installed.
set -euo pipefail
bash "$(dirname "$0")/install-missing.sh" setup-fuzz-deps clang-14 libclang-rt-14-dev llvm-14
