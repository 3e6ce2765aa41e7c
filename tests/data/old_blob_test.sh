#!/usr/bin/env bash
# An old blob (tests/data/README.md) still verifies, reads back byte-exact and searches.
#   old_blob_test.sh CORPUSC BLOB INPUT_DIR QUERY TOP_ID
set -euo pipefail
corpusc=$1 blob=$2 inputs=$3 query=$4 top=$5
"$corpusc" verify "$blob"
n=0
for f in "$inputs"/*; do
  id=$(basename "$f")
  cmp <("$corpusc" cat "$blob" "$id" --original) "$f" || { echo "FAIL: $id differs" >&2; exit 1; }
  n=$((n + 1))
done
first=$("$corpusc" query "$blob" "$query" --json | grep -oE '"id": *"[^"]*"' | head -n 1 | sed -E 's/.*"([^"]*)"$/\1/')
[ "$first" = "$top" ] || { echo "FAIL: top result of '$query' is '$first', expected '$top'" >&2; exit 1; }
echo "old blob $blob: verified, $n articles byte-exact, '$query' -> $top"
