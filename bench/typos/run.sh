#!/usr/bin/env bash
# Reproduces bench/results/typos.md's figures (typo tolerance, issue 14):
#   bench/typos/run.sh [--m4]
# 1. regenerates the typo'd queries (make_typo_queries.py; deterministic);
# 2. builds the BBC blob (default settings) and runs bench_typos on BBC and SciFact;
# 3. runs xapian_suggest (Xapian's spelling correction, same queries) if built;
# 4. with --m4, the Cortex-M4 instruction counts (m4.sh, ~10 minutes).
# Needs a release build with bench_typos (cmake --build --preset release -- bench_typos xapian_suggest).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
shared="$(cd "$root/.." && pwd)/shared"
[ -d "$shared/corpora/bbc-news" ] || { echo "typos: no ../shared corpora" >&2; exit 77; }
bin=build/release/bench/typos
python3 bench/typos/make_typo_queries.py "$shared" bench/typos
blob="${TMPDIR:-/tmp}/typos-bbc.crp"
build/release/compiler/corpusc build -q "$shared/corpora/bbc-news" -o "$blob"
"$bin/bench_typos" bbc "$blob" bench/typos/bbc_typos.tsv --repeat 5 | grep -v '^Q'
"$bin/bench_typos" scifact bench/typos/scifact_typos.tsv
[ -x "$bin/xapian_suggest" ] && "$bin/xapian_suggest" "$shared/corpora/bbc-news" bench/typos/bbc_typos.tsv | grep -v '^X'
if [ "${1:-}" = "--m4" ]; then bench/typos/m4.sh; fi
