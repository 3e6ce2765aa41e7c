#!/usr/bin/env bash
# ctest fixture of tests/cli: make_blobs.sh CORPUSC SOURCE_DIR SHARED_DIR DATA_DIR
#   DATA/example.crp   examples/corpus, default settings
#   DATA/bbc.crp       all of ../shared/corpora/bbc-news (--level 3: the tests are about
#                      bytes, not ratio; the dictionary is trained as by default)
#   DATA/bbc40.crp     40 BBC articles, --profile small, 2 KiB dictionary, several frames
# The BBC blobs are made only when ../shared is present.
set -euo pipefail
corpusc=$1 src=$2 shared=$3 data=$4
bbc=$shared/corpora/bbc-news
mkdir -p "$data"
rm -f "$data"/*.crp
"$corpusc" build -q "$src/examples/corpus" -o "$data/example.crp"
"$corpusc" verify -q "$data/example.crp"
if [ -d "$bbc" ]; then
  "$corpusc" build -q "$bbc" -o "$data/bbc.crp" --level 3 --threads 2
  "$corpusc" verify -q "$data/bbc.crp"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bbc40/business" "$tmp/bbc40/tech"
  cp "$bbc"/business/0[0-1]?.txt "$tmp/bbc40/business/"
  cp "$bbc"/tech/0[0-1]?.txt "$tmp/bbc40/tech/"
  "$corpusc" build -q "$tmp/bbc40" -o "$data/bbc40.crp" --profile small --dict-size 2048 --level 3
  "$corpusc" verify -q "$data/bbc40.crp"
else
  echo "make_blobs: $bbc absent; BBC blobs not made (their tests skip)" >&2
fi
