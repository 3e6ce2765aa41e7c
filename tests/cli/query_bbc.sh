#!/usr/bin/env bash
# "More like this": the whole body of BBC business/001.txt as a query (about 400
# words, far past the term limit) ranks business/001.txt first, flagged truncated,
# as one query and in batch mode (plain line and JSONL).
# Usage: query_bbc.sh CORPUSC SHARED_DIR DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 SHARED=$2 DATA=$3
article=$SHARED/corpora/bbc-news/business/001.txt
[ -f "$DATA/bbc.crp" ] && [ -f "$article" ] || skip_test "BBC blob or $article absent"
make_temp_dir
body=$(tail -n +3 "$article")
for mode in "" "--plain"; do
  run "$CORPUSC" query "$DATA/bbc.crp" "$body" --no-snippets -k 3 $mode
  expect_rc 0 "the body of business/001.txt as a query $mode"
  [ "$(head -1 "$T/out" | awk '{print $2}')" = "business/001.txt" ] || { cat "$T/out" >&2; fail "not ranked first $mode"; }
  grep -q "query truncated" "$T/out" || fail "not flagged truncated $mode"
done
tr '\n' ' ' <<< "$body" > "$T/q.txt"
echo >> "$T/q.txt"
printf '{"_id": "b001", "text": "%s"}\n' "$(tr '\n' ' ' <<< "$body" | sed 's/\\/\\\\/g; s/"/\\"/g')" >> "$T/q.txt"
run "$CORPUSC" query "$DATA/bbc.crp" --queries "$T/q.txt" -k 3
expect_rc 0 "batch mode"
sed -n 1p "$T/out" | grep -q '"results":\["business/001.txt"' || fail "batch (plain line): $(sed -n 1p "$T/out")"
sed -n 2p "$T/out" | grep -q '"id":"b001","results":\["business/001.txt".*"truncated":true' ||
  fail "batch (JSONL): $(sed -n 2p "$T/out")"
echo "query_bbc: ok"
