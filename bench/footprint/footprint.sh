#!/usr/bin/env bash
# Footprint of the runtime on Cortex-M4 (-Os, MinSizeRel): flash, RAM, peak stack, and
# qemu instruction counts for an article read and one-, two- and three-term top-10
# queries, on a BBC-size corpus compiled with `corpusc build --profile small`; then the
# flash of each stemmer (stemmers.sh) and a German and a Chinese query on the MLQA blobs
# (mlqa_queries.sh), as sections of the same report.
#
#   1. corpusc (host) compiles the corpus into a blob (default /work/shared/corpora/bbc-news);
#   2. the firmware example (examples/cortex-m) is built around that blob in a cross
#      build folder of its own (the map file gives code per object);
#   3. it runs under qemu-system-arm -M mps2-an386 -icount shift=0, where SysTick
#      ticks are exact instruction counts (examples/cortex-m/board_metrics.h);
#   4. a markdown report is written (default bench/results/footprint.md).
#
# Usage: bench/footprint/footprint.sh [--corpus DIR] [--article ID] [--out FILE]
# Env:   CORPUSC      host corpusc (default build/emb-host/compiler/corpusc, else build/release's)
#        BUILD_DIR    cross build folder (default build/emb-host/footprint-m4)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
corpus="$(cd "$root/.." && pwd)/shared/corpora/bbc-news"
article="business/001.txt"
out="bench/results/footprint.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --article) article="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "footprint: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$corpus" ] || { echo "footprint: no corpus at $corpus (needs ../shared)" >&2; exit 1; }
corpusc="${CORPUSC:-}"
if [ -z "$corpusc" ]; then
  for c in build/emb-host/compiler/corpusc build/release/compiler/corpusc; do
    [ -x "$c" ] && { corpusc="$root/$c"; break; }
  done
fi
[ -x "${corpusc:-}" ] || { echo "footprint: no host corpusc (set CORPUSC)" >&2; exit 1; }
bdir="${BUILD_DIR:-build/emb-host/footprint-m4}"
mkdir -p "$bdir"
blob="$root/$bdir/footprint.crp"

echo "==> corpusc build --profile small $corpus"
"$corpusc" build -q --profile small -o "$blob" "$corpus"
raw_bytes=$(find "$corpus" -type f ! -name 'README*' -printf '%s\n' | awk '{s+=$1} END {print s}')
blob_bytes=$(stat -c %s "$blob")

echo "==> firmware for Cortex-M4 (MinSizeRel) in $bdir"
cmake -S . -B "$bdir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/toolchains/arm-none-eabi-cortex-m4.cmake" \
  -DCMAKE_BUILD_TYPE=MinSizeRel -DCORPUS_HOST_CORPUSC="$corpusc" \
  -DCORPUS_FIRMWARE_BLOB="$blob" -DCORPUS_FIRMWARE_INPUT_DIR="$corpus" \
  -DCORPUS_FIRMWARE_ARTICLE_ID="$article" -DCORPUS_FIRMWARE_QUERY="oil prices" \
  -DCORPUS_FIRMWARE_QUERY_TOP="" >/dev/null
ninja -C "$bdir" -j2 corpus_firmware >/dev/null
elf="$bdir/examples/cortex-m/corpus_firmware.elf"
map="$bdir/examples/cortex-m/corpus_firmware.map"

echo "==> qemu-system-arm -M mps2-an386 -icount shift=0"
log="$bdir/footprint-run.log"
timeout 900 qemu-system-arm -M mps2-an386 -nographic -icount shift=0 \
  -semihosting-config enable=on,target=native -kernel "$elf" >"$log" 2>&1 </dev/null  # semihosting writes to stderr
grep -q '^PASS' "$log" || { cat "$log"; echo "footprint: firmware failed" >&2; exit 1; }

# Code bytes by origin from the map file: input sections placed in .text (code and
# read-only data), by object; the blob and the expected article are data, counted apart.
code_by_origin() {
  awk '
    function hex(s,   i, n, c) {  # "0x1a2b" -> number (mawk has no strtonum)
      n = 0
      for (i = 3; i <= length(s); ++i) n = n * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
      return n
    }
    /^Linker script and memory map/ { on = 1 }
    !on { next }
    # An input section line: " .text.foo  0xADDR  0xSIZE  object" (name may wrap).
    /^ \.(text|rodata)/ || /^ \.corpus_blob/ {
      name = $1
      if (NF == 1) { getline; addr = $1; size = $2; obj = $3 } else { addr = $2; size = $3; obj = $4 }
      if (size !~ /^0x/ || obj == "") next
      bytes = hex(size)
      if (name ~ /corpus_blob/ || name ~ /expected_article/) k = "blob"
      else if (obj ~ /libcorpus_zstd\.a/) k = "zstd"
      else if (obj ~ /main\.cpp/) k = "runtime"
      else if (obj ~ /(startup|semihosting|board_metrics)/) k = "board"
      else k = "libc"
      sum[k] += bytes
    }
    END { for (k in sum) print k, sum[k] }' "$map"
}
declare -A code
while read -r k v; do code[$k]=$v; done < <(code_by_origin)
for k in runtime zstd board libc blob; do : "${code[$k]:=0}"; done
read -r data bss < <(arm-none-eabi-size -A "$elf" | awk '$1==".data"{d=$2} $1==".bss"{b=$2} END {print d+0, b+0}')
tables=$(arm-none-eabi-nm -S "$elf" | awk '$4 ~ /kFold|kStopwords/ {n = 0; s = tolower($2)
  for (i = 1; i <= length(s); ++i) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; t += n} END {print t + 0}')
metric() { awk -v n="$1" '$1=="measure" && $2==n":" {print $3 * 40}' "$log"; }  # ticks -> insns
stack_peak=$(awk '$2=="stack_peak_bytes:" {print $3}' "$log")
ws_line=$(grep '^memory: workspace' "$log")
collection_line=$(grep '^memory: collection' "$log" || true)
search_ws=$(sed 's/.*search workspace \([0-9]*\) B.*/\1/' <<<"$ws_line")
open_line=$(grep '^open:' "$log")
# zstd frames in the blob whose header has Single_Segment_flag (no separate window).
single_segment_frames() {
  python3 -c 'import sys
d = open(sys.argv[1], "rb").read(); m = bytes.fromhex("28b52ffd"); i = n = 0
while (i := d.find(m, i)) >= 0:
    n += (d[i + 4] & 0x20) != 0; i += 4
print(n)' "$blob"
}
fmt() { echo "$1" | awk '{ s = $1; o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }

mkdir -p "$(dirname "$out")"
{
  echo "# Footprint on Cortex-M4 (-Os)"
  echo
  echo "Generated by \`bench/footprint/footprint.sh\` ($(date -u +%Y-%m-%d)); arm-none-eabi-gcc $(arm-none-eabi-gcc -dumpversion), MinSizeRel (-Os),"
  echo "zstd $(basename "$(readlink -f "$(scripts/fetch-zstd-source.sh 2>/dev/null)")" | sed 's/^zstd-//') decoder with the size macros (cmake/ZstdDecoder.cmake)."
  echo "Corpus: \`$(basename "$corpus")\`, $(fmt "$raw_bytes") B of input, \`corpusc build --profile small\` → blob of $(fmt "$blob_bytes") B."
  echo "Firmware: \`examples/cortex-m\` (open, verify, find + read, search, and the blob plus a one-article volume"
  echo "searched as one collection) on qemu \`mps2-an386\`."
  echo
  echo "## Flash (code + read-only data, the blob excluded)"
  echo
  echo "| part | bytes |"
  echo "|---|---|"
  echo "| runtime: blob, reader, verify, search, tokenizer (+ the example's own steps) | $(fmt "${code[runtime]}") |"
  echo "| … of which the tokenizer's tables (case folding, stop words) | $(fmt "$tables") |"
  echo "| zstd decoder (lib/common + lib/decompress) | $(fmt "${code[zstd]}") |"
  echo "| libc/libgcc helpers (memcpy, memset, 64-bit division) | $(fmt "${code[libc]}") |"
  echo "| board (startup, semihosting, SysTick, traps) | $(fmt "${code[board]}") |"
  echo "| **total without the zstd decoder** | **$(fmt $((code[runtime] + code[libc] + code[board])))** |"
  echo "| **total with the zstd decoder** | **$(fmt $((code[runtime] + code[zstd] + code[libc] + code[board])))** |"
  echo "| blob (+ the one article the example compares), read in place | $(fmt "${code[blob]}") |"
  echo
  echo "## RAM"
  echo
  echo "| part | bytes |"
  echo "|---|---|"
  echo "| .data + .bss (all static RAM of the firmware) | $(fmt $((data + bss))) |"
  echo "| peak stack (painted, whole run incl. verify and search) | $(fmt "$stack_peak") |"
  echo
  echo "\`$ws_line\`  "
  [ -z "$collection_line" ] || echo "\`$collection_line\` (the collection of the blob and its volume)  "
  echo "The rest of .bss is the example's 16 KiB text buffer and console. \`$open_line\`"
  echo
  echo "## Instructions (qemu \`-icount shift=0\`, SysTick; not hardware cycles)"
  echo
  echo "| operation | instructions |"
  echo "|---|---|"
  echo "| Blob::open | $(fmt "$(metric open)") |"
  echo "| verify (seal, sections, every frame decoded) | $(fmt "$(metric verify)") |"
  echo "| Reader::init (static DCtx + DDict) | $(fmt "$(metric reader_init)") |"
  echo "| article read: find \`$article\` + decode its frame + copy | $(fmt "$(metric article_read)") |"
  for n in 1 2 3; do
    q=$(awk -v n="$n" '$1=="measure" && $2=="query_"n"_terms:" {getline; print}' "$log")
    echo "| top-10 query, $n term(s): ${q%%:*} | $(fmt "$(metric "query_${n}_terms")") |"
  done
  if [ -n "$(metric collection_open)" ]; then
    echo "| Collection::open of the blob + volume (chain checks, xxh64 of the dictionary) | $(fmt "$(metric collection_open)") |"
    q=$(awk '$1=="measure" && $2=="volume_query_1_terms:" {getline; print}' "$log")
    echo "| top-10 query over blob + volume, 1 term: ${q%%:*} | $(fmt "$(metric volume_query_1_terms)") |"
  fi
  echo
  echo "## Profiles: the Reader's workspace (compile-time constants, reader.hpp)"
  echo
  echo "| profile | frames | dictionary | workspace, Cortex-M (zstd 1 KiB buffer) | workspace, host / Cortex-A |"
  echo "|---|---|---|---|---|"
  echo "| \`small\` (\`kWorkspaceBytesSmall\`) | 16 KiB | 32 KiB | 77,936 B | 143,936 B |"
  echo "| \`default\` (\`kWorkspaceBytesDefault\`) | 128 KiB | 64 KiB | 192,624 B | 258,624 B |"
  echo
  echo "= DCtx bound (32,816 B on Cortex-M, 98,816 B with zstd's 64 KiB buffer) + DDict by"
  echo "reference (28,672 B; the dictionary stays in flash) + one frame. Every frame is a"
  echo "single-segment zstd frame ($(single_segment_frames) of $(grep -o '[0-9]* frames' <<<"$open_line" | cut -d' ' -f1) here) decoded in one call"
  echo "into the frame buffer, so the window costs nothing more and \`ZSTD_c_windowLog\` would not"
  echo "lower RAM. Search adds its \`SearchWorkspace\` ($(fmt "$search_ws") B, .bss); the stack peak above covers every step."
  echo
  echo "## Flash per stemmer"
  echo
  "$root/bench/footprint/stemmers.sh" >/dev/null
  sed -n '3,$p' bench/results/stemmers.md
  echo
  "$root/bench/footprint/mlqa_queries.sh" || echo "(bench/footprint/mlqa_queries.sh failed: see its output)"
  echo
  echo "Run log: \`$log\`. Reproduce: \`bench/footprint/footprint.sh\` (also rewrites"
  echo "\`stemmers.md\`)."
} >"$out"
cat "$out"
