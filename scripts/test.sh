#!/usr/bin/env bash
# The second command of the README: every test, C++ and Python, under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release -DWIJKNET_PYTHON="$PWD/.venv/bin/python" -DWIJKNET_TEST_PIP_INSTALL=ON
cmake --build build/dev
ctest --test-dir build/dev --output-on-failure --timeout 1500
