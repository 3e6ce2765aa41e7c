#!/usr/bin/env bash
# The script rules through corpusc (text/scripts.hpp): a blob records tokenizer bits
# 8-10; multi-character CJK, Thai and kana queries find the texts holding the run (not
# those holding its characters apart), a Hangul word finds the word with its particle,
# an Arabic word finds its folded forms, and snippets mark each match.
# Usage: query_scripts.sh CORPUSC
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1
make_temp_dir
mkdir -p "$T/in"
printf '新闻\n\n今天举行了记者会见，首相回答问题。\n' > "$T/in/zh-run.txt"
printf '报道\n\n首相会见了几位记者。\n' > "$T/in/zh-apart.txt"
printf 'ไทย\n\nคำว่าสวัสดีครับ\n' > "$T/in/th.txt"
printf 'ไทย\n\nวันดีสวย\n' > "$T/in/th-apart.txt"
printf 'カナ\n\nカタカナ語の辞書\n' > "$T/in/ja.txt"
printf '여행\n\n우리는 서울에서 만났다.\n' > "$T/in/ko.txt"
printf 'مدرسة\n\nذهب الطالب إلى مدرسة كبيرة.\n' > "$T/in/ar.txt"
run "$CORPUSC" build -q "$T/in" -o "$T/s.crp"
expect_rc 0 "build"
B=$T/s.crp

# query Q EXPECTED-ID NOT-EXPECTED-ID MARKED: the hit, the miss and the marked snippet.
check_query() {
  run "$CORPUSC" query "$B" "$1"
  expect_rc 0 "query $1"
  grep -q "$2" "$T/out" || fail "'$1' does not find $2"
  [ -z "$3" ] || ! grep -q "$3" "$T/out" || fail "'$1' finds $3, which holds the characters apart"
  grep -qF "$4" "$T/out" || fail "'$1': no snippet marks $4"
}
check_query "记者会见" zh-run.txt zh-apart.txt "记者会见"
check_query "สวัสดี" th.txt th-apart.txt "สวัสดี"
check_query "カタカナ" ja.txt "" "カタカナ"
check_query "서울" ko.txt "" "서울에서"
check_query "مدرسه" ar.txt "" "مدرسة"

run "$CORPUSC" query "$B" "记者" --json --no-snippets
expect_rc 0 "query 记者"
grep -q '"id":"zh-run.txt"' "$T/out" && grep -q '"id":"zh-apart.txt"' "$T/out" || fail "'记者' misses a text holding it"

run "$CORPUSC" inspect "$B" --json
expect_rc 0 "inspect"
bits=$(grep -o '"bits": *[0-9]*' "$T/out" | head -1 | grep -o '[0-9]*$')
[ -n "$bits" ] || fail "inspect --json shows no tokenizer bits"
[ $(( bits & 0x700 )) -eq $(( 0x700 )) ] || fail "the blob does not record script rule bits 8-10 (bits $bits)"
echo "query_scripts: ok"
