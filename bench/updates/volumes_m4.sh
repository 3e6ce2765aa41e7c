#!/usr/bin/env bash
# Instructions per query on Cortex-M4 (qemu-system-arm -M mps2-an386 -icount shift=0)
# of a base + 1 and + 4 volumes against one blob of all 2,225 BBC articles, on the
# queries of bench/queries/bbc.tsv: the Cortex-M side of volumes_cost.sh (callgrind,
# host). Needs the blobs of bench/updates/volumes.sh (its WORKDIR), the Cortex-M4
# toolchain and qemu (scripts/install-deps.sh). Builds bench/updates/m4 three times
# (the blobs are linked into flash) and prints a markdown table.
# Usage: bench/updates/volumes_m4.sh [WORKDIR] [QUERIES]   (defaults: /tmp/corpus-volumes, 500)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/corpus-volumes}
count=${2:-500}
cd "$work"
[ -f full.crp ] && [ -f vol.crp ] && [ -f v4.crp ] || { echo "run bench/updates/volumes.sh first" >&2; exit 1; }
for t in arm-none-eabi-g++ qemu-system-arm ninja; do
  command -v $t >/dev/null || { echo "volumes_m4: needs $t (scripts/install-deps.sh)" >&2; exit 1; }
done
grep -v '^#' "$here/bench/queries/bbc.tsv" | cut -f2 | head -n "$count" > m4-queries.txt

# run NAME PART...: builds the firmware over the parts, runs it, prints its log.
run() {
  local name=$1; shift
  local parts bdir="$work/m4-$name"
  parts=$(printf '%s;' "${@/#/$work/}"); parts=${parts%;}
  cmake -S "$here/bench/updates/m4" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DCMAKE_TOOLCHAIN_FILE="$here/toolchains/arm-none-eabi-cortex-m4.cmake" \
    -DCORPUS_HOST_CORPUSC="$here/build/release/compiler/corpusc" \
    -DCORPUS_BENCH_PARTS="$parts" -DCORPUS_BENCH_QUERIES="$work/m4-queries.txt" >"$bdir.log" 2>&1
  ninja -C "$bdir" volumes_m4 >>"$bdir.log" 2>&1 || { cat "$bdir.log" >&2; exit 1; }
  timeout 1800 qemu-system-arm -M mps2-an386 -nographic -icount shift=0 \
    -semihosting-config enable=on,target=native -kernel "$bdir/volumes_m4.elf" </dev/null >"$bdir.run" 2>&1 ||
    { cat "$bdir.run" >&2; echo "volumes_m4: $name failed" >&2; exit 1; }
  cat "$bdir.run"
}
field() { awk -v k="$2" '$1 == "measure" && $2 == k ":" { for (i = 3; i <= NF; ++i) if ($(i + 1) == "insns" && $(i + 2) == "per") print $i; else if (k == "collection_open" && $(i + 1) == "insns") print $i }' <<<"$1"; }
one=$(run single full.crp)
b1=$(run base1 base.crp vol.crp)
b4=$(run base4 base.crp v1.crp v2.crp v3.crp v4.crp)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
q1=$(field "$one" queries); q2=$(field "$b1" queries); q4=$(field "$b4" queries)
echo "| corpus | Collection::open | instructions per query | vs single blob |"
echo "|---|---:|---:|---:|"
echo "| single blob of 2,225 articles | $(field "$one" collection_open) | $q1 | 1.00 x |"
echo "| base + 1 volume (22 articles) | $(field "$b1" collection_open) | $q2 | $(ratio "$q2" "$q1") x |"
echo "| base + 4 volumes (6/6/5/5 articles, a chain) | $(field "$b4" collection_open) | $q4 | $(ratio "$q4" "$q1") x |"
echo
echo "$(grep -m1 '^measure queries' <<<"$one" | cut -d, -f1) each; hits (top 10, summed): single $(grep -m1 '^measure queries' <<<"$one" | awk -F', ' '{print $2}'), base+1 $(grep -m1 '^measure queries' <<<"$b1" | awk -F', ' '{print $2}'), base+4 $(grep -m1 '^measure queries' <<<"$b4" | awk -F', ' '{print $2}')"
grep -m1 '^memory' <<<"$b4"
