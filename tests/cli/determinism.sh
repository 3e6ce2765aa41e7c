#!/usr/bin/env bash
# Same input and settings give byte-identical blobs: built twice, with --threads 1
# and 2, from another folder path; for examples/corpus (default settings) and the
# BBC corpus (the fixture's bbc.crp, built with --level 3 --threads 2).
# Usage: determinism.sh CORPUSC SOURCE_DIR SHARED_DIR DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 SRC=$2 SHARED=$3 DATA=$4
make_temp_dir

same() {  # A B WHAT
  cmp -s "$1" "$2" || fail "$3: $(basename "$1") and $(basename "$2") differ ($(cmp "$1" "$2" | head -1))"
}

ex=$SRC/examples/corpus
"$CORPUSC" build -q "$ex" -o "$T/ex-t1.crp" --threads 1
"$CORPUSC" build -q "$ex" -o "$T/ex-t2.crp" --threads 2
"$CORPUSC" build -q "$ex" -o "$T/ex-t2-again.crp" --threads 2
cp -r "$ex" "$T/moved-corpus"
"$CORPUSC" build -q "$T/moved-corpus" -o "$T/ex-moved.crp"
same "$T/ex-t1.crp" "$T/ex-t2.crp" "examples: --threads 1 vs 2"
same "$T/ex-t2.crp" "$T/ex-t2-again.crp" "examples: built twice"
same "$T/ex-t2.crp" "$T/ex-moved.crp" "examples: built from another folder"
same "$T/ex-t2.crp" "$DATA/example.crp" "examples: vs the fixture's blob"
"$CORPUSC" build -q "$ex" -o "$T/small-t1.crp" --profile small --threads 1
"$CORPUSC" build -q "$ex" -o "$T/small-t2.crp" --profile small --threads 2
same "$T/small-t1.crp" "$T/small-t2.crp" "examples --profile small: --threads 1 vs 2"

bbc=$SHARED/corpora/bbc-news
if [ -d "$bbc" ]; then
  # The fixture built bbc.crp with --threads 2; a second build with --threads 1 is
  # both "twice" and "1 vs 2 threads" (dictionary training and compression).
  "$CORPUSC" build -q "$bbc" -o "$T/bbc-t1.crp" --level 3 --threads 1
  same "$T/bbc-t1.crp" "$DATA/bbc.crp" "BBC: --threads 1 vs 2"
else
  note "BBC absent: only examples/corpus checked"
fi
note "determinism: ok"
