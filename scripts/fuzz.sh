#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in build/fuzz and runs them.
#
#   scripts/fuzz.sh                 smoke: every target a few seconds from the seed corpus (ctest -L fuzz)
#   scripts/fuzz.sh long [RUNS]     long run: every target, one after the other, RUNS executions each
#                                   (default 10000000); logs and findings in build/fuzz/long/
#   scripts/fuzz.sh long RUNS NAME  the long run of one target (e.g. fuzz_dl)
#   WIJKNET_FUZZ_MAX_SECONDS=600 scripts/fuzz.sh long   the same, each target stopped after 600 s at most
#
# A finding (crash-*, timeout-*, oom-* in build/fuzz/long/<target>/) is reproduced with
# `build/fuzz/tests/fuzz/<target> <file>`; it then belongs in tests/data/malformed with its exact
# message in expected_errors.tsv. Needs clang and its fuzzer runtime (scripts/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
build=build/fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DWIJKNET_FUZZ=ON -DWIJKNET_BUILD_TESTS=OFF -DWIJKNET_BUILD_EXAMPLES=OFF -DWIJKNET_BUILD_DOCS=OFF \
      -DWIJKNET_INSTALL=OFF > /dev/null
cmake --build "$build" --target fuzz

if [ "${1:-smoke}" != long ]; then
  ctest --test-dir "$build" -L fuzz --output-on-failure
  exit
fi

runs="${2:-10000000}"
only="${3:-}"
seeds=(tests/fuzz/corpus examples/data tests/data/malformed)
while IFS=$'\t' read -r t dict; do
  [ -z "$only" ] || [ "$t" = "$only" ] || continue
  out="$build/long/$t"
  mkdir -p "$out/corpus"
  echo "== $t: $runs runs (log: $out/log.txt)"
  # Findings are written to $out (-artifact_prefix); the run stops at the first one.
  status=0
  "$build/tests/fuzz/$t" -runs="$runs" -max_total_time="${WIJKNET_FUZZ_MAX_SECONDS:-0}" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -dict="$dict" \
      -artifact_prefix="$out/" "$out/corpus" "${seeds[@]}" < /dev/null > "$out/log.txt" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$out/log.txt" || true
  if [ "$status" -ne 0 ]; then
    echo "$t: a finding, see $out/log.txt"; ls "$out" | grep -E '^(crash|timeout|oom|slow-unit|leak)-' || true
  fi
done < "$build/tests/fuzz/targets.tsv"
