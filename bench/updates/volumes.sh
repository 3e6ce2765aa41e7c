#!/usr/bin/env bash
# Volumes over BBC News (issue 13): every 100th file in sorted order is held back (22
# files); the base is built without them, the 22 become a volume over it, and one blob
# of all 2,225 articles is the reference. Prints the sizes, the top-10 agreement on
# bench/queries/bbc.tsv, and checks that a removed id is gone from cat and query.
# Usage: bench/updates/volumes.sh [CORPUSC] [WORKDIR]   (defaults: build/release, /tmp/corpus-volumes)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
corpusc=${1:-$here/build/release/compiler/corpusc}
work=${2:-/tmp/corpus-volumes}
bbc=$here/../shared/corpora/bbc-news
[ -d "$bbc" ] || { echo "SKIP: $bbc not found"; exit 0; }
rm -rf "$work" && mkdir -p "$work/old" "$work/held" "$work/all"
(cd "$bbc" && find . -name '*.txt' | sed 's|^\./||' | LC_ALL=C sort) > "$work/all.lst"
awk 'NR % 100 == 0' "$work/all.lst" > "$work/held.lst"
link_into() {  # list dir: symlinks keep the ids (paths relative to the folder)
  while read -r f; do mkdir -p "$2/$(dirname "$f")"; ln -s "$bbc/$f" "$2/$f"; done < "$1"
}
link_into "$work/held.lst" "$work/held"
grep -vxFf "$work/held.lst" "$work/all.lst" > "$work/old.lst"
link_into "$work/old.lst" "$work/old"
# The reference: the same 2,225 articles (the folder also holds a README.TXT).
link_into "$work/all.lst" "$work/all"
cd "$work"
"$corpusc" build all -o full.crp -q 2>/dev/null
"$corpusc" build old -o base.crp -q 2>/dev/null
"$corpusc" build held -o vol.crp --extends base.crp -q
removed=$(sed -n 1p held.lst)  # vol2 over vol: the other 21 (unchanged: not stored) and one removal
mkdir held2 && sed 1d held.lst > held2.lst && link_into held2.lst held2
"$corpusc" build held2 -o vol2.crp --extends base.crp --extends vol.crp --remove "$removed" -q
# Four volumes in a chain (volumes_cost.sh, volumes_m4.sh): the 22 held-back files split 6/6/5/5.
chain=(--extends base.crp)
for i in 1 2 3 4; do
  rm -rf "part$i" && mkdir "part$i"
  case $i in 1) r="1,6p" ;; 2) r="7,12p" ;; 3) r="13,17p" ;; 4) r="18,22p" ;; esac
  sed -n "$r" held.lst | while read -r f; do mkdir -p "part$i/$(dirname "$f")"; ln -s "$(readlink -f "held/$f")" "part$i/$f"; done
  "$corpusc" build "part$i" -o "v$i.crp" "${chain[@]}" -q
  chain+=(--extends "v$i.crp")
done
size() { stat -c %s "$1"; }
echo "base $(size base.crp) B, volume $(size vol.crp) B ($(awk -v v="$(size vol.crp)" -v b="$(size base.crp)" 'BEGIN{printf "%.2f", 100*v/b}') % of the base), full $(size full.crp) B"
grep -v '^#' "$here/bench/queries/bbc.tsv" | cut -f2 > queries.txt
"$corpusc" query full.crp --queries queries.txt -k 10 > full.jsonl
"$corpusc" query base.crp -V vol.crp --queries queries.txt -k 10 > vol.jsonl
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
full = [json.loads(l)["results"] for l in open(w + "/full.jsonl")]
vol = [json.loads(l)["results"] for l in open(w + "/vol.jsonl")]
n = len(full)
same = sum(a == b for a, b in zip(full, vol))
same_set = sum(set(a) == set(b) for a, b in zip(full, vol))
overlap = sum(len(set(a) & set(b)) / max(1, len(a)) for a, b in zip(full, vol)) / n
print(f"{n} queries: identical top-10 {same} ({100*same/n:.1f} %), same top-10 set {same_set} ({100*same_set/n:.1f} %), mean overlap {100*overlap:.1f} %")
PY
code=0
"$corpusc" cat base.crp -V vol.crp -V vol2.crp "$removed" > /dev/null 2>&1 || code=$?
title=$("$corpusc" cat base.crp -V vol.crp "$removed" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')
found=$("$corpusc" query base.crp -V vol.crp -V vol2.crp "$title" -k 100 --json --no-snippets |
        R="$removed" python3 -c 'import json,sys,os; print(sum(r["id"] == os.environ["R"] for r in json.load(sys.stdin)["results"]))' 2>/dev/null || echo error)
echo "removed $removed (vol2 $(size vol2.crp) B): cat exit $code (expect 5); found by query of its title in top 100: $found time(s) (expect 0)"
