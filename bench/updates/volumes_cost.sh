#!/usr/bin/env bash
# Instructions per query (callgrind, host) of a base + 1 and + 4 volumes against one
# blob of all 2,225 BBC articles, on bench/queries/bbc.tsv. Needs the blobs of
# bench/updates/volumes.sh (its WORKDIR) and the bench_volumes binary.
# Usage: bench/updates/volumes_cost.sh [BUILD] [WORKDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/release}
work=${2:-/tmp/corpus-volumes}
bench=$build/bench/updates/bench_volumes
corpusc=$build/compiler/corpusc
cd "$work"
[ -f base.crp ] && [ -f vol.crp ] && [ -f v4.crp ] || { echo "run bench/updates/volumes.sh first"; exit 1; }
grep -v '^#' "$here/bench/queries/bbc.tsv" | cut -f2 > queries.txt
: > empty.txt
n=$(wc -l < queries.txt)
ir() {  # instructions of bench_volumes QUERIES BLOBS...
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" "$@" 2>&1 | awk '/Collected/ {print $4}'
}
per_query() { echo $(( ($(ir queries.txt "$@") - $(ir empty.txt "$@")) / n )); }
one=$(per_query full.crp)
b1=$(per_query base.crp vol.crp)
b4=$(per_query base.crp v1.crp v2.crp v3.crp v4.crp)
echo "instructions per query ($n queries): single blob $one, base+1 volume $b1 ($(awk -v a="$b1" -v b="$one" 'BEGIN{printf "%.2f", a/b}') x), base+4 volumes $b4 ($(awk -v a="$b4" -v b="$one" 'BEGIN{printf "%.2f", a/b}') x)"
