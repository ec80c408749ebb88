#!/usr/bin/env bash
# The second command of the README: every test, C++ and Python, under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release -DWIJKNET_PYTHON="$PWD/.venv/bin/python" -DWIJKNET_TEST_PIP_INSTALL=ON
cmake --build build/dev
ctest --test-dir build/dev --output-on-failure --timeout 1500

# The C++ tests again, built by clang as strict C++17 (-std=c++17 -Wall -Wextra -Wpedantic -Werror): all of
# them under AddressSanitizer + UndefinedBehaviorSanitizer, and test_concurrency (threads on one alliance, and
# every threaded kernel with four workers against one) under ThreadSanitizer. Only the test executables are
# built (no Python module, docs, examples or consumers).
sanitized() {  # folder, sanitizers, fuzz targets too (ON/OFF), test executables...
  local dir=$1 sanitizers=$2 fuzz=$3
  shift 3
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
    -DCMAKE_CXX_EXTENSIONS=OFF -DWIJKNET_SANITIZE="$sanitizers" -DWIJKNET_FUZZ="$fuzz" \
    -DWIJKNET_BUILD_DOCS=OFF -DWIJKNET_BUILD_EXAMPLES=OFF -DWIJKNET_INSTALL=OFF
  cmake --build "$dir" --target "$@"
  # A test executable left unbuilt on purpose shows up as <name>_NOT_BUILT: not ours to run here.
  ctest --test-dir "$dir" --output-on-failure --timeout 600 -E '_NOT_BUILT$'
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
sanitized build/sanitize address,undefined ON all
sanitized build/tsan thread OFF test_concurrency
