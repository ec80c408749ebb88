#!/usr/bin/env bash
# Installs what wijknet needs on Debian 12 (root, or a user with sudo): the Debian packages for
# building and testing, then a virtual environment .venv with wijknet and its test tools.
# Safe to run again: it installs only what is missing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build ccache git pkg-config
          clang libclang-rt-14-dev   # clang: the C++17 build, its sanitizer runtimes and libFuzzer
          libboost-dev libgtest-dev doxygen graphviz
          python3 python3-venv python3-dev python3-pip
          chromium fonts-dejavu-core    # the report's browser tests open it in Debian's chromium
          r-cran-sna r-cran-jsonlite)   # R sna: the permutation benchmarks and tests/reference/*.R
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "wijknet: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's own Python, so the environment is the same on every Debian 12 machine.
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "scikit-build-core>=0.10" "pybind11>=2.12"
# No build isolation: the build folder (build/py-*) is kept, so a re-install compiles only what changed.
.venv/bin/python -m pip install -q --no-build-isolation ".[test]"

# The C++ package (headers and its CMake config; nothing to compile) into .venv as well, so that a C++
# program finds it with find_package(wijknet) and -DCMAKE_PREFIX_PATH=<this folder>/.venv.
cmake -S . -B build/install -G Ninja -DWIJKNET_BUILD_TESTS=OFF -DWIJKNET_BUILD_PYTHON=OFF \
  -DWIJKNET_BUILD_EXAMPLES=OFF -DWIJKNET_BUILD_DOCS=OFF -DWIJKNET_INSTALL=ON -DCMAKE_INSTALL_PREFIX="$PWD/.venv" >/dev/null
cmake --build build/install >/dev/null
cmake --install build/install >/dev/null
