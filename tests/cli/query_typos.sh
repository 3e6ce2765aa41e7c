#!/usr/bin/env bash
# Typo tolerance through corpusc (issue 14): a typo'd query says "showing results for"
# and finds the article, --no-typos finds nothing, JSON has "corrected_query" (or a
# "suggestion" when nothing is found even corrected), batch lines have
# "corrected_query", clean queries print no correction, `complete` forgives a typo.
# Usage: query_typos.sh CORPUSC
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1
make_temp_dir
mkdir -p "$T/in"
printf 'Trade negotiations resume\n\nThe negotiations on trade resumed in Geneva.\n' > "$T/in/a.txt"
printf 'Election results\n\nThe election results were announced on Sunday.\n' > "$T/in/b.txt"
run "$CORPUSC" build -q "$T/in" -o "$T/t.crp"
expect_rc 0 "build"
B=$T/t.crp

run "$CORPUSC" query "$B" negotations --no-snippets
expect_rc 0 "query negotations"
grep -q "^showing results for negotiations$" "$T/out" || fail "no 'showing results for negotiations'"
grep -q "a.txt" "$T/out" || fail "negotations does not find a.txt"

run "$CORPUSC" query "$B" negotations --no-typos --no-snippets
expect_rc 0 "query --no-typos"
grep -q "^no results$" "$T/out" || fail "--no-typos still corrects"
grep -q "showing results" "$T/out" && fail "--no-typos says 'showing results for'"

run "$CORPUSC" query "$B" '"electoin results"' --json --no-snippets
expect_rc 0 "query --json phrase"
grep -q '"corrected_query":"\\"election results\\""' "$T/out" || fail "JSON lacks the corrected phrase: $(cat "$T/out")"

run "$CORPUSC" query "$B" '+negotations +qqqqzzzz' --no-snippets
expect_rc 0 "query with no result"
grep -q "^did you mean: +negotiations +qqqqzzzz$" "$T/out" || fail "no 'did you mean' when nothing is found"
run "$CORPUSC" query "$B" '+negotations +qqqqzzzz' --json
grep -q '"suggestion":"+negotiations +qqqqzzzz"' "$T/out" || fail "JSON lacks the suggestion"

run "$CORPUSC" query "$B" 'election results' --json --no-snippets
grep -q "corrected_query" "$T/out" && fail "a clean query has a corrected_query"

printf 'negotations\nelection\n' > "$T/q.txt"
run "$CORPUSC" query "$B" --queries "$T/q.txt"
expect_rc 0 "batch"
[ "$(grep -c corrected_query "$T/out")" = 1 ] || fail "batch: want one corrected_query line: $(cat "$T/out")"

run "$CORPUSC" complete "$B" negotai
expect_rc 0 "complete negotai"
grep -q "^negotiations" "$T/out" || fail "complete does not forgive negotai"
run "$CORPUSC" complete "$B" negotai --no-typos
grep -q "negotiations" "$T/out" && fail "complete --no-typos forgives"
echo "query_typos: ok"
