#!/usr/bin/env bash
# `corpusc cat --original BLOB ID` prints the input's exact bytes: every examples/corpus
# file, and BBC files spread over the corpus (every 37th, plus README.TXT), through
# the binary. (cli_roundtrip_test checks all BBC files in-process.)
# Usage: roundtrip_spot.sh CORPUSC SOURCE_DIR SHARED_DIR DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 SRC=$2 SHARED=$3 DATA=$4
make_temp_dir

check_cat() {  # BLOB ROOT ID
  run "$CORPUSC" cat --original "$1" "$3"
  expect_rc 0 "cat --original $3"
  cmp -s "$T/out" "$2/$3" || fail "cat --original $3: output differs from the input file"
}

n=0
for f in "$SRC"/examples/corpus/*; do
  check_cat "$DATA/example.crp" "$SRC/examples/corpus" "$(basename "$f")"
  n=$((n + 1))
done
bbc=$SHARED/corpora/bbc-news
if [ -d "$bbc" ]; then
  i=0
  while IFS= read -r id; do
    if [ $((i % 37)) -eq 0 ] || [ "$id" = README.TXT ]; then
      check_cat "$DATA/bbc.crp" "$bbc" "$id"
      n=$((n + 1))
    fi
    i=$((i + 1))
  done < <(cd "$bbc" && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort)
else
  note "BBC absent: only examples/corpus checked"
fi
note "round trip through the CLI: $n articles byte-exact"
