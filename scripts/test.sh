#!/usr/bin/env bash
# Sets up ketennet (scripts/setup.sh) and runs every test: the Catch2 suite (C++), the
# readers' and model's Catch2 tests under ASan+UBSan (scripts/sanitize.sh), then
# pytest (bindings, cross-checks against NetworkX/igraph, CLI, doctests, the outside CMake
# project built against the installed package), then the release (scripts/wheel.sh: sdist and
# repaired wheel from the same build directory, the wheel's tests in a fresh environment).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
phase() { printf '== %s (at %d min %02d s)\n' "$1" $(( (SECONDS - start) / 60 )) $(( (SECONDS - start) % 60 )); }
# one compiler name for the Python module's build (setup.sh) and the Catch2 build, so that ccache
# (which hashes the compiler's name: c++ and g++ differ) serves the second from the first
export CXX="${CXX:-g++}"
bash scripts/setup.sh
export PATH="$root/.venv/bin:$PATH"
# ccache (installed by setup.sh, which compiled the Python module through it): the libraries
# are compiled with the same flags for the module and for the Catch2 suite, so this second
# build takes them from the cache
if command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}" CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
fi

phase "C++ tests (Catch2)"
cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=Release -DKETENNET_BUILD_TESTS=ON >/dev/null
cmake --build build/cpp
ctest --test-dir build/cpp --output-on-failure -j 2

phase "C++ tests of the readers and the model under ASan+UBSan"
bash scripts/sanitize.sh

phase "Python tests (pytest)"
python -m pytest -q --durations=15 tests/python "$@"

phase "The release: sdist and wheel, the wheel tested in a fresh environment (scripts/wheel.sh)"
bash scripts/wheel.sh
phase "done"
