#!/usr/bin/env bash
# What a new user hits first in `query`, `cat`, `inspect` and `--help` (issue 10):
# long queries answer and say they were truncated (single and batch mode), a query
# may start with '-', operators that cannot fit are a JSON error line in batch mode,
# --sort/--from on a blob without dates says so, `cat` into a full disk is an I/O
# error (exit 1), `cat --json` shows the metadata, CJK snippets show and mark the
# match, help shows examples and defaults, inspect shows the tokenizer.
# Usage: query_cli.sh CORPUSC
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1
make_temp_dir
mkdir -p "$T/in"
printf 'Brown budget\n\nGordon Brown and Tony Blair argued about the budget.\n' > "$T/in/a.txt"
printf 'Blair abroad\n\nTony Blair flew to Washington for talks.\n' > "$T/in/b.txt"
printf 'Weather\n\nRain over the hills, sun in the valleys.\n' > "$T/in/c.txt"
filler=""
for i in $(seq 1 60); do filler="${filler}这是一个没有空格的长句子用来填充文本"; done
printf '政治新闻\n\n%s日本首相今天访问了北京。%s\n' "$filler" "$filler" > "$T/in/zh.txt"
{ echo "Big"; echo; for i in $(seq 1 4000); do echo "Line $i of a long article about nothing in particular."; done; } > "$T/in/big.txt"
run "$CORPUSC" build -q "$T/in" -o "$T/t.crp"
expect_rc 0 "build"
B=$T/t.crp

# A query that starts with '-' is data, quoted or after --.
run "$CORPUSC" query "$B" '-brown blair' --no-snippets
expect_rc 0 "query '-brown blair'"
grep -q "b.txt" "$T/out" || fail "'-brown blair' does not find b.txt"
grep -q "a.txt" "$T/out" && fail "'-brown blair' returns a.txt, which has brown"
run "$CORPUSC" query "$B" --json -- '-brown blair'
expect_rc 0 "query -- '-brown blair'"
grep -q '"id":"b.txt"' "$T/out" || fail "-- '-brown blair' does not find b.txt"
run "$CORPUSC" query "$B" '-brown blair' --jsn
expect_rc 2 "an unknown option next to a query"
expect_err "not expected: --jsn" "an unknown option is named"

# A query of 300 words answers, flagged truncated, in every output form.
long="blair"
for i in $(seq 1 300); do long="$long word$i"; done
run "$CORPUSC" query "$B" "$long" --no-snippets
expect_rc 0 "300-word query"
grep -q "b.txt" "$T/out" || fail "300-word query lost its one useful word"
grep -q "query truncated" "$T/out" || fail "text output does not say the query was truncated"
run "$CORPUSC" query "$B" "$long" --json
expect_rc 0 "300-word query --json"
grep -q '"truncated":true' "$T/out" || fail "JSON lacks \"truncated\": true"
run "$CORPUSC" query "$B" "blair" --json
grep -q '"truncated":false' "$T/out" || fail "a short query is flagged truncated"
phrases=""
for i in $(seq 1 40); do phrases="$phrases \\\"w$i x\\\""; done
printf '%s\n{"_id": "long", "text": "%s"}\n{"_id": "ops", "text": "%s"}\nrain\n' "$long" "$long" "$phrases" > "$T/q.txt"
run "$CORPUSC" query "$B" --queries "$T/q.txt"
expect_rc 3 "batch with one query whose operators do not fit"
[ "$(wc -l < "$T/out")" -eq 4 ] || fail "batch mode does not print one line per query"
sed -n 1p "$T/out" | grep -q '"results":\["b.txt"' || fail "batch: long plain line: $(sed -n 1p "$T/out")"
sed -n 1p "$T/out" | grep -q '"truncated":true' || fail "batch: long line not flagged truncated"
sed -n 2p "$T/out" | grep -q '"id":"long".*"results":\["b.txt"' || fail "batch: long JSONL line: $(sed -n 2p "$T/out")"
sed -n 3p "$T/out" | grep -q '"error":' || fail "batch: 40 phrases give no error: $(sed -n 3p "$T/out")"
sed -n 3p "$T/out" | grep -q '"results"' && fail "batch: an error line carries an empty result list"
sed -n 4p "$T/out" | grep -q '"results":\["c.txt"\]' || fail "batch: the line after an error"
run "$CORPUSC" query "$B" "$(echo "$phrases" | tr -d '\\')"
expect_rc 6 "single query of 40 phrases"

# Bytes that are not UTF-8 in a query still give a JSON answer.
run "$CORPUSC" query "$B" $'blair \xff\xfe' --json
expect_rc 0 "a query with invalid UTF-8, --json"
grep -q '"id":"b.txt"' "$T/out" || fail "invalid UTF-8 query: no JSON result"

# No dates in this blob: say so.
run "$CORPUSC" query "$B" blair --sort newest --no-snippets
expect_rc 0 "--sort newest without dates"
expect_err "this blob has no dates" "--sort newest on a blob without dates"
run "$CORPUSC" query "$B" blair --from 2020-01-01 --json
expect_err "this blob has no dates" "--from on a blob without dates"
grep -q '"warning":"this blob has no dates' "$T/out" || fail "JSON lacks the no-dates warning"

# CJK: the snippet shows the match, marked as one run.
run "$CORPUSC" query "$B" 首相
expect_rc 0 "query 首相"
grep -q '\*\*首相\*\*今天访问' "$T/out" || { cat "$T/out" >&2; fail "CJK snippet does not show and mark 首相"; }

# cat: a full disk is an I/O error with the system's message; --json has the metadata.
if [ -w /dev/full ]; then
  for id in b.txt big.txt; do  # flushed at exit; written while reading (200 kB)
    RC=0
    "$CORPUSC" cat "$B" $id > /dev/full 2> "$T/err" || RC=$?
    expect_rc 1 "cat $id > /dev/full"
    expect_err "cannot write to stdout: No space left on device" "cat $id > /dev/full"
  done
else
  note "/dev/full absent: write-failure check not run"
fi
run "$CORPUSC" cat --json "$B" b.txt
expect_rc 0 "cat --json"
for key in id title url tags date source flags canonical variants text; do
  grep -q "^  \"$key\": " "$T/out" || fail "cat --json has no \"$key\""
done
grep -q '"text": "Blair abroad\\n\\nTony Blair flew to Washington for talks.\\n"' "$T/out" || fail "cat --json text"

# Help: examples of query and complete, every option's default; inspect: tokenizer.
run "$CORPUSC" --help
grep -q "corpusc query " "$T/out" && grep -q "corpusc complete " "$T/out" || fail "--help lacks query/complete examples"
run "$CORPUSC" query --help
grep -qE -- "-k .*=10" "$T/out" && grep -qE -- "--sort .*=relevance" "$T/out" || fail "query --help lacks defaults"
run "$CORPUSC" complete --help
grep -qE -- "-n .*=10" "$T/out" || fail "complete --help lacks the default of -n"
run "$CORPUSC" inspect "$B"
grep -qE "^tokenizer: stemming (english \(Porter2\)|each article in its language \(Snowball; English: Porter2\)), stop words kept" "$T/out" || fail "inspect lacks the tokenizer"
echo "query_cli: ok"
