#!/usr/bin/env bash
# Sets up ketennet on a fresh Debian/Ubuntu machine: installs the Debian packages it needs
# (compilers, Boost.Graph, Eigen, Catch2, nlohmann-json, pugixml, expat, zlib; R with sna,
# a Java runtime and Chromium for the cross-checks, the Spark tests and the browser check of
# the HTML report) when missing, creates the
# virtual environment .venv and builds and installs the package into it.
# Safe to run again: it only does what is missing (a rebuild is incremental).
#
#   bash scripts/setup.sh            # runtime + test dependencies
#   KETENNET_EXTRAS=test,bench bash scripts/setup.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
extras="${KETENNET_EXTRAS:-test}"

say() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------------------
debs=(g++ make pkg-config ccache libboost-graph-dev libeigen3-dev catch2 nlohmann-json3-dev libpugixml-dev
      libexpat1-dev zlib1g-dev)
# R and its sna package: peers of the brokerage, QAP and centralization cross-checks
debs+=(r-base-core r-cran-sna)
# a Java runtime for the Spark engine of kn.eventlog.aggregate (tests: local[2])
debs+=(default-jre-headless)
# headless Chromium: the test that renders the HTML report in a browser
debs+=(chromium)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  say "not a Debian system: make sure these are installed: ${debs[*]}"
fi

# --- Python environment -----------------------------------------------------------------
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$python" -m venv .venv
fi
py=.venv/bin/python
stamp=.venv/.ketennet-deps
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16) $extras"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing Python build and $extras dependencies"
  $py -m pip install -q --upgrade pip
  $py -m pip install -q "scikit-build-core>=0.10" "pybind11>=2.12" "cmake>=3.20" ninja
  # the package's own dependencies, read from pyproject.toml
  $py - "$extras" <<'PY' > .venv/.requirements
import sys, tomllib
p = tomllib.load(open("pyproject.toml", "rb"))["project"]
reqs = list(p["dependencies"])
for extra in filter(None, sys.argv[1].split(",")):
    reqs += p["optional-dependencies"][extra]
print("\n".join(reqs))
PY
  $py -m pip install -q -r .venv/.requirements
  echo "$want" > "$stamp"
fi

# compiled through ccache when it is installed (rebuilds, and the Catch2 build of
# scripts/test.sh, take unchanged files from the cache); CMAKE_CXX_COMPILER_LAUNCHER overrides
if command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}" CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
fi
say "building ketennet (incremental)"
$py -m pip install -q --no-build-isolation --no-deps .
say "ready: .venv/bin/ketennet, .venv/bin/python"
