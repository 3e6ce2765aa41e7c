#!/usr/bin/env bash
# Stable editions (`corpusc build --base`): how small the update from one edition to
# the next is, on BBC News (2,225 articles).
#
#   old      every file but each 100th in sorted order (22 held back), no base
#   add      all 2,225 files, --base old                  (and without --base: "today")
#   retrain  all files, --base old --retrain
#   edit     one article edited (a correction line appended), --base add's blob
#   remove   one article removed, --base add's blob
#   near-off add without near-duplicate grouping (--near-threshold 0), both editions
# Per row: blob bytes, `zstd -19 --patch-from` and bsdiff patch bytes (and % of the
# new blob), and the share of 4 KiB blocks unchanged (same offset / anywhere in old).
# Also checks: --base blob == plain blob on the top-10 of 500 BBC title queries,
# both verify, and --threads 1 and 2 give the same bytes; and splits the add patch
# by section (section_patches.py).
#
# Usage: bench/updates/editions.sh [--corpus DIR] [--out FILE]
# Env:   CORPUSC (default build/release/compiler/corpusc)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
corpus="$(cd "$root/.." && pwd)/shared/corpora/bbc-news"
out="build/bench/updates/editions.md"  # bench/results/updates.md "Editions" quotes its table
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "editions: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$corpus" ] || { echo "editions: no corpus at $corpus (needs ../shared)" >&2; exit 1; }
corpusc="${CORPUSC:-$root/build/release/compiler/corpusc}"
[ -x "$corpusc" ] || { echo "editions: no corpusc at $corpusc (build it or set CORPUSC)" >&2; exit 1; }
for t in zstd bsdiff python3; do command -v $t >/dev/null || { echo "editions: needs $t" >&2; exit 1; }; done
work="$root/build/bench/updates"
rm -rf "$work"; mkdir -p "$work"/{old,full,edit,remove}
corpus="$(cd "$corpus" && pwd)"
(cd "$corpus" && find . -type f -name '*.txt' | LC_ALL=C sort) > "$work/list"
(cd "$corpus" && awk 'NR % 100 != 0' "$work/list" | xargs cp --parents -t "$work/old")
(cd "$corpus" && xargs cp --parents -t "$work/full" < "$work/list")
cp -r "$work/full/." "$work/edit"; cp -r "$work/full/." "$work/remove"
edited="politics/050.txt"; removed="sport/050.txt"
printf '\nCorrection: an earlier version of this story gave the wrong date for the vote.\n' >> "$work/edit/$edited"
rm "$work/remove/$removed"

build() { "$corpusc" build --threads 2 "$@" 2>>"$work/build.log"; }
cd "$work"
build old -o old.crp
build full -o today.crp
build full -o add.crp --base old.crp
build full -o retrain.crp --base old.crp --retrain
build edit -o edit.crp --base add.crp
build remove -o remove.crp --base add.crp
build old -o old-near0.crp --near-threshold 0
build full -o add-near0.crp --base old-near0.crp --near-threshold 0
"$corpusc" build --threads 1 full -o add-t1.crp --base old.crp 2>>build.log
cmp -s add.crp add-t1.crp && deterministic=yes || deterministic=NO
verified=yes
for f in *.crp; do "$corpusc" verify -q "$f" >/dev/null 2>&1 || verified="NO ($f)"; done
tail -n +2 "$root/bench/queries/bbc.tsv" | cut -f2 > queries.txt
queries=$(wc -l < queries.txt)
# Same scores at every rank, same ids above ties at the 10th (tests/cli/same_top10.py).
python3 "$root/tests/cli/same_top10.py" "$corpusc" today.crp add.crp queries.txt 2> top10-diff.txt &&
  same="all $queries" || same="NOT all $queries (build/bench/updates/top10-diff.txt)"

row() {  # name base new
  local size zp bp blocks patch="${3%.crp}"
  size=$(stat -c %s "$3")
  zstd -19 -q -f --patch-from="$2" "$3" -o "$patch.zst-patch" 2>/dev/null
  bsdiff "$2" "$3" "$patch.bsdiff"
  zp=$(stat -c %s "$patch.zst-patch"); bp=$(stat -c %s "$patch.bsdiff")
  blocks=$(python3 "$root/bench/updates/block_share.py" "$2" "$3")
  awk -v n="$1" -v s="$size" -v z="$zp" -v b="$bp" -v k="$blocks" 'BEGIN {
    split(k, kk, " ");
    printf "| %s | %d | %d (%.1f %%) | %d (%.1f %%) | %s %% / %s %% |\n", n, s, z, 100 * z / s, b, 100 * b / s, kk[1], kk[2] }'
}
{
  echo "| update (base -> new) | new blob bytes | zstd -19 --patch-from | bsdiff | unchanged 4 KiB blocks (same offset / anywhere) |"
  echo "|---|---:|---:|---:|---:|"
  row "add 22, no --base (today): old -> today" old.crp today.crp
  row "add 22: old -> add" old.crp add.crp
  row "add 22, --retrain: old -> retrain" old.crp retrain.crp
  row "edit $edited: add -> edit" add.crp edit.crp
  row "remove $removed: add -> remove" add.crp remove.crp
  row "add 22, --near-threshold 0 both" old-near0.crp add-near0.crp
  echo
  echo "Same top-10 as the blob built without --base: $same queries of bench/queries/bbc.tsv."
  echo "All blobs verify: $verified. --threads 1 and 2 give the same bytes: $deterministic."
  echo
  echo "Dictionary decisions (stderr of the builds):"
  echo
  { grep -h "edition:" build.log || true; } | sed 's/^/    /'
  echo
  echo "Where the add patch goes (bench/updates/section_patches.py old.crp add.crp: each"
  echo "section's zstd -19 --patch-from alone; sections that did not change left out):"
  echo
  python3 "$root/bench/updates/section_patches.py" old.crp add.crp | awk -F'|' 'NR <= 2 || $4 !~ /^ 0 $/'
} > table.md
cd "$root"
{
  echo "# Stable editions (corpusc build --base), BBC News"
  echo
  echo "Generated by \`bench/updates/editions.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores."
  echo
  cat "$work/table.md"
} > "$out"
cat "$work/table.md"
