#!/usr/bin/env bash
# README command (1): install what is missing, build corpusc, compile the bundled
# example corpus (examples/corpus) and query it.
#
# Usage: scripts/demo.sh [QUERY]     (default query: "Karabakh negotiations")
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
query="${1:-Karabakh negotiations}"

scripts/install-deps.sh --no-arm --no-test-data
[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build --preset release --target corpusc -- -j2 >/dev/null

corpusc=build/release/compiler/corpusc
mkdir -p build/example
"$corpusc" build examples/corpus -o build/example/news.crp
"$corpusc" verify build/example/news.crp
if "$corpusc" help query >/dev/null 2>&1 || "$corpusc" query --help >/dev/null 2>&1; then
  echo "\$ corpusc query build/example/news.crp \"$query\""
  "$corpusc" query build/example/news.crp "$query"
else
  "$corpusc" inspect build/example/news.crp
fi
