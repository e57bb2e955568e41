#!/usr/bin/env bash
# Builds the Catch2 suite with AddressSanitizer + UndefinedBehaviorSanitizer (CMake preset
# "asan": -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined,
# -O1 -g, in build/asan) and runs it; any report fails the run (docs/reliability.md).
#
#   bash scripts/sanitize.sh                 the readers' and the model's tests (tests/cpp/io,
#                                            model, eventlog: ketennet_tests_readers)
#   bash scripts/sanitize.sh all             the whole suite (ketennet_tests)
#   bash scripts/sanitize.sh all "[centrality]"  the whole suite's binary, a Catch2 test spec
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target=ketennet_tests_readers
if [ "${1:-}" = all ]; then target=ketennet_tests; shift; fi
spec="${1:-}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== Catch2 tests under ASan+UBSan (build/asan): $target ${spec}"
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan --target "$target"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
"build/asan/tests/cpp/$target" ${spec:+"$spec"}
