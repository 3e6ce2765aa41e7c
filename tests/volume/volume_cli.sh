#!/usr/bin/env bash
# The CLI over volumes: build --extends/--remove, -V on query, cat, complete, inspect,
# verify; a removed id is exit 5 from cat and never found by query; a volume given
# without its base or out of order is refused (exit 4); a missing removal is a
# warning; SIGKILL during a volume build leaves the previous volume intact.
# Usage: volume_cli.sh CORPUSC
source "$(dirname "$0")/../cli/testlib.sh"
CORPUSC=$1
make_temp_dir
set -m

awk 'BEGIN { srand(11); for (i = 0; i < 6000; i++) { printf "{\"id\":\"a%05d\",\"title\":\"Article %d\",\"text\":\"", i, i;
       for (j = 0; j < 40; j++) printf "w%x ", int(rand() * 65536); printf "\"}\n" } }' > "$T/base.jsonl"
"$CORPUSC" build -q "$T/base.jsonl" --level 1 -o "$T/base.crp"
printf '{"id":"a00001","title":"Article one","text":"zebra quagga rewritten"}\n{"id":"new1","title":"New","text":"okapi giraffe"}\n' > "$T/vol.jsonl"
run "$CORPUSC" build "$T/vol.jsonl" -o "$T/vol.crp" --extends "$T/base.crp" --remove a00002 --remove nosuch
expect_rc 0 "build --extends"
grep -q "nosuch.*not in the base" "$T/err" || fail "a removal of a missing id gave no warning"

run "$CORPUSC" verify "$T/base.crp" -V "$T/vol.crp"
expect_rc 0 "verify -V"
run "$CORPUSC" verify "$T/vol.crp"
expect_rc 4 "verify of a volume without its base"
run "$CORPUSC" cat "$T/base.crp" -V "$T/vol.crp" a00002
expect_rc 5 "cat of a removed id"
run "$CORPUSC" cat "$T/base.crp" a00002
expect_rc 0 "cat of the id in the base alone"
run "$CORPUSC" cat "$T/base.crp" -V "$T/vol.crp" a00001
expect_rc 0 "cat of a changed id"
grep -q "zebra quagga rewritten" "$T/out" || fail "cat -V did not print the volume's version"
word=$("$CORPUSC" cat "$T/base.crp" a00002 | awk '{print $1; exit}')
run "$CORPUSC" query "$T/base.crp" -V "$T/vol.crp" "$word" -k 100 --json --no-snippets
expect_rc 0 "query -V"
grep -q '"a00002"' "$T/out" && fail "query found the removed id"
run "$CORPUSC" query "$T/base.crp" "$word" -k 100 --json --no-snippets
grep -q '"a00002"' "$T/out" || fail "the query does not find the id in the base alone: the check above tests nothing"
run "$CORPUSC" query "$T/base.crp" -V "$T/vol.crp" "okapi" --json --no-snippets
grep -q '"new1"' "$T/out" || fail "query -V does not find the new article"
run "$CORPUSC" complete "$T/base.crp" -V "$T/vol.crp" "oka"
grep -q "^okapi" "$T/out" || fail "complete -V does not offer the volume's word"
run "$CORPUSC" inspect "$T/base.crp" -V "$T/vol.crp" --json
expect_rc 0 "inspect -V"
grep -q '"live_articles": 6000' "$T/out" || fail "inspect -V: live articles are not 6000 (6000 + 1 new - 1 removed)"

printf '{"id":"new2","title":"Newer","text":"tapir"}\n' > "$T/vol2.jsonl"
"$CORPUSC" build -q "$T/vol2.jsonl" -o "$T/vol2.crp" --extends "$T/base.crp" --extends "$T/vol.crp" --remove new1
run "$CORPUSC" cat "$T/base.crp" -V "$T/vol.crp" -V "$T/vol2.crp" new1
expect_rc 5 "cat of an id the second volume removes"
run "$CORPUSC" query "$T/base.crp" -V "$T/vol2.crp" tapir
expect_rc 4 "a volume given without the one it extends"
grep -q "does not extend" "$T/err" || fail "no message naming the mismatch"
run "$CORPUSC" query "$T/vol.crp" -V "$T/base.crp" okapi
expect_rc 4 "base and volume swapped"

# SIGKILL during a volume build: the old volume survives byte-identical.
awk 'BEGIN { srand(5); for (i = 0; i < 6000; i++) { printf "{\"id\":\"b%05d\",\"text\":\"", i;
       for (j = 0; j < 60; j++) printf "%x ", int(rand() * 4294967296); printf "\"}\n" } }' > "$T/big.jsonl"
cp "$T/vol.crp" "$T/keep.crp"
killed=0
for ms in 50 150 300 600 900; do
  cp "$T/keep.crp" "$T/vol.crp"
  "$CORPUSC" build -q "$T/big.jsonl" -o "$T/vol.crp" --extends "$T/base.crp" --level 19 &
  pid=$!
  sleep "$(printf '0.%03d' "$ms")"
  kill -s KILL "$pid" 2> /dev/null || true
  rc=0
  wait "$pid" || rc=$?
  [ "$rc" -ne 0 ] && killed=$((killed + 1))
  if [ "$rc" -ne 0 ]; then cmp -s "$T/vol.crp" "$T/keep.crp" || fail "killed after ${ms} ms: the old volume changed"; fi
  rm -f "$T"/vol.crp.tmp-*
done
[ "$killed" -gt 0 ] || fail "no build was killed: the kill check tested nothing"
note "volume CLI: ok ($killed kills, old volume intact)"
