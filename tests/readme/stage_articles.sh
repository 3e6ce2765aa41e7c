#!/usr/bin/env bash
# The README's articles: examples/corpus's files as business/001.txt, business/002.txt...
# (the README's API block reads "business/001.txt"; one input folder keeps ids relative).
#   stage_articles.sh EXAMPLES_DIR DEST
set -euo pipefail
src=$1 dest=$2
rm -rf "$dest"
mkdir -p "$dest/business"
n=0
for f in "$src"/*.txt; do
  n=$((n + 1))
  cp "$f" "$dest/business/$(printf '%03d' "$n").txt"
done
[ "$n" -gt 0 ] || { echo "stage_articles: no .txt in $src" >&2; exit 1; }
