#!/usr/bin/env bash
# Builds a base and two chained volumes with corpusc and runs the C API's collection
# test (c_collection_test.c) on them.
# Usage: c_collection.sh CORPUSC C_COLLECTION_TEST
source "$(dirname "$0")/../cli/testlib.sh"
CORPUSC=$1 TEST=$2
make_temp_dir
printf '%s\n' '{"id":"a00001","title":"One","text":"the harbour at dawn, first article","lang":"en"}' \
  '{"id":"a00002","title":"Two","text":"a harbour in the rain, second article","lang":"en"}' \
  '{"id":"a00003","title":"Three","text":"the old harbour wall, third article","lang":"en"}' > "$T/base.jsonl"
printf '%s\n' '{"id":"a00001","title":"One","text":"okapi rewritten","lang":"en"}' \
  '{"id":"new1","title":"New","text":"okapi giraffe","lang":"en"}' > "$T/vol1.jsonl"
printf '%s\n' '{"id":"new2","title":"Newer","text":"tapir","lang":"en"}' > "$T/vol2.jsonl"
"$CORPUSC" build -q "$T/base.jsonl" -o "$T/base.crp" || fail "base build"
"$CORPUSC" build -q "$T/vol1.jsonl" -o "$T/vol1.crp" --extends "$T/base.crp" --remove a00002 || fail "vol1 build"
"$CORPUSC" build -q "$T/vol2.jsonl" -o "$T/vol2.crp" --extends "$T/base.crp" --extends "$T/vol1.crp" \
  --remove new1 || fail "vol2 build"
"$TEST" "$T/base.crp" "$T/vol1.crp" "$T/vol2.crp" || fail "c_collection_test"
echo "c_collection: ok"
