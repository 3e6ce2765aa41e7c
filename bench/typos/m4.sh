#!/usr/bin/env bash
# Instructions per query on Cortex-M4 (qemu -icount, as bench/footprint/footprint.sh):
# the firmware example (examples/cortex-m) is rebuilt around the BBC blob
# (--profile small) once per query, with the query as CORPUS_FIRMWARE_QUERY; its
# `measure query_checked` line (SysTick ticks x 40 = instructions) is printed.
#   bench/typos/m4.sh "QUERY" ...      (default: 4 clean/typo'd pairs of bbc_typos.tsv)
# Env: CORPUSC (host corpusc, default build/release's), BUILD_DIR (default build/emb-host/typos-m4)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
corpus="$(cd "$root/.." && pwd)/shared/corpora/bbc-news"
[ -d "$corpus" ] || { echo "m4: no corpus at $corpus (needs ../shared)" >&2; exit 77; }
corpusc="${CORPUSC:-$root/build/release/compiler/corpusc}"
bdir="${BUILD_DIR:-build/emb-host/typos-m4}"
mkdir -p "$bdir"
blob="$root/$bdir/bbc-small.crp"
[ -f "$blob" ] || "$corpusc" build -q --profile small -o "$blob" "$corpus"
queries=("$@")
if [ ${#queries[@]} -eq 0 ]; then
  while IFS=$'\t' read -r clean typo; do queries+=("$clean" "$typo"); done \
    < <(awk -F'\t' 'split($1, w, " ") == 2' bench/typos/bbc_typos.tsv | head -4)
fi
for q in "${queries[@]}"; do
  cmake -S . -B "$bdir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/toolchains/arm-none-eabi-cortex-m4.cmake" \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DCORPUS_HOST_CORPUSC="$corpusc" -DCORPUS_FIRMWARE_BLOB="$blob" \
    -DCORPUS_FIRMWARE_INPUT_DIR="$corpus" -DCORPUS_FIRMWARE_ARTICLE_ID="business/001.txt" \
    -DCORPUS_FIRMWARE_QUERY="$q" -DCORPUS_FIRMWARE_QUERY_TOP="" >/dev/null
  ninja -C "$bdir" -j2 corpus_firmware >/dev/null
  log="$bdir/run.log"
  timeout 900 qemu-system-arm -M mps2-an386 -nographic -icount shift=0 -semihosting-config enable=on,target=native \
    -kernel "$bdir/examples/cortex-m/corpus_firmware.elf" >"$log" 2>&1 </dev/null || true
  grep -q '^PASS' "$log" || { cat "$log"; echo "m4: firmware failed" >&2; exit 1; }
  insns=$(awk '$1=="measure" && $2=="query_checked:" {print $3 * 40}' "$log")
  results=$(grep -m1 "^search \"" "$log" | sed 's/.*": //')
  printf '%s\t%s\t%s\n' "$q" "$insns" "$results"
done
