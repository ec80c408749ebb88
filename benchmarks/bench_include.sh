#!/usr/bin/env bash
# The cost of including wijknet: compile time and the compiler's peak memory for a file that
# includes wijknet/wijknet.hpp (and, for comparison, one area header), -fsyntax-only and a full
# -O2 -c, for this tree (header-only, and with WIJKNET_SEPARATE_COMPILATION: declarations only, the
# bodies compiled once elsewhere) and for an earlier revision, alternating in one run so that all
# see the same load. Prints the figures and the ratios of the earlier revision to this tree.
#   bash benchmarks/bench_include.sh [REVISION (default: 9fe7065, before issue 14)] [REPEATS (default 3)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-9fe7065}
repeats=${2:-3}
cxx=${CXX:-g++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before"
git -C "$root" archive "$rev" include | tar -x -C "$work/before"
printf '#include "wijknet/wijknet.hpp"\nint main() { return 0; }\n' > "$work/umbrella.cpp"
printf '#include "wijknet/algorithms/centrality.hpp"\nint main() { return 0; }\n' > "$work/centrality.cpp"

# Prints "seconds kilobytes" (user + system time, peak resident memory) of one compile.
measure() {
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$cxx" -std=c++17 -O2 "$@" >/dev/null 2>&1
    awk '{printf "%.2f %d\n", $1 + $2, $3}' "$work/time"
}

printf '%-30s %8s %8s %8s %8s %8s %8s %7s %7s\n' "file, mode" "before s" "after s" "separ. s" \
    "before MB" "after MB" "separ. MB" "time" "memory"
for file in umbrella centrality; do
    for mode in -fsyntax-only -c; do
        bt=0 at=0 st=0 bm=0 am=0 sm=0
        for _ in $(seq "$repeats"); do
            read -r t m < <(measure "$mode" -I"$work/before/include" "$work/$file.cpp" -o "$work/o")
            bt=$(awk -v a="$bt" -v b="$t" 'BEGIN { print a + b }') bm=$((m > bm ? m : bm))
            read -r t m < <(measure "$mode" -I"$root/include" "$work/$file.cpp" -o "$work/o")
            at=$(awk -v a="$at" -v b="$t" 'BEGIN { print a + b }') am=$((m > am ? m : am))
            read -r t m < <(measure "$mode" -DWIJKNET_SEPARATE_COMPILATION -I"$root/include" "$work/$file.cpp" -o "$work/o")
            st=$(awk -v a="$st" -v b="$t" 'BEGIN { print a + b }') sm=$((m > sm ? m : sm))
        done
        awk -v f="$file.cpp $mode" -v bt="$bt" -v at="$at" -v st="$st" -v bm="$bm" -v am="$am" -v sm="$sm" -v r="$repeats" \
            'BEGIN { printf "%-30s %8.2f %8.2f %8.2f %8.0f %8.0f %8.0f %6.2fx %6.2fx\n", f, bt / r, at / r, st / r,
                     bm / 1024, am / 1024, sm / 1024, bt / st, bm / sm }'
    done
done
echo "(time: mean user + system seconds of $repeats compiles; memory: peak resident; after: header-only;"
echo " separ.: with WIJKNET_SEPARATE_COMPILATION; ratios: before / separ.)"
