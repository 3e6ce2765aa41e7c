#!/usr/bin/env bash
# `corpusc inspect --json` on the example blob (the seed pages) reports what the
# issues ask it to: every section's bytes (they add up to no more than the blob), the
# index's posting and position counts with bytes per posting, the boilerplate left
# out of the index (commonspace's "Related articles" tails), and the duplicates
# (000/001 are one near-duplicate group).
# Usage: inspect_report.sh CORPUSC DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 DATA=$2
make_temp_dir
run "$CORPUSC" inspect --json "$DATA/example.crp"
expect_rc 0 "inspect --json"
J=$T/out

# value KEY: the first number after "KEY": in the pretty-printed JSON.
value() {
  local v
  v=$(grep -E "^ *\"$1\": " "$J" | head -1 | sed -E 's/.*: ([0-9.e+-]+),?$/\1/')
  [ -n "$v" ] || fail "inspect --json has no \"$1\""
  echo "$v"
}

blob=$(value blob_bytes)
sum=0
for s in frame_data strings articles text_offsets frames index.terms index.postings index.positions; do
  b=$(value "$s")
  [ "$b" -gt 0 ] || fail "section $s is empty"
  sum=$((sum + b))
done
[ "$sum" -le "$blob" ] || fail "sections add up to $sum bytes, more than the blob's $blob"
[ "$sum" -ge $((blob / 2)) ] || fail "sections cover only $sum of $blob bytes"

[ "$(value documents)" -eq 4 ] || fail "index documents != 4 (5 pages, 000/001 one group)"
postings=$(value postings)
positions=$(value positions)
[ "$postings" -gt 400 ] || fail "too few postings: $postings"
[ "$positions" -ge "$postings" ] || fail "fewer positions ($positions) than postings ($postings)"
awk -v b="$(value bytes_per_posting)" 'BEGIN { exit !(b > 0.2 && b < 8) }' || fail "bytes per posting out of range"

[ "$(value ranges)" -ge 4 ] || fail "boilerplate: the four commonspace tails not reported"
[ "$(value bytes)" -gt 5000 ] || fail "boilerplate bytes too small"
[ "$(value near)" -eq 1 ] || fail "near-duplicate groups != 1"

run "$CORPUSC" inspect "$DATA/example.crp"
expect_rc 0 "inspect (text)"
grep -qE "^index: 4 documents, [0-9]+ terms, $postings postings" "$T/out" || fail "text report lacks the index line"
grep -qE "^boilerplate: [0-9]+ bytes" "$T/out" || fail "text report lacks the boilerplate line"
run "$CORPUSC" inspect --ids "$DATA/example.crp"
expect_rc 0 "inspect --ids"
[ "$(wc -l < "$T/out")" -eq 5 ] || fail "inspect --ids: not one line per seed page"
[ "$(head -1 "$T/out")" = 000_487d5624f965fa68.txt ] || fail "inspect --ids: not in id order"
LC_ALL=C sort -c "$T/out" || fail "inspect --ids: not sorted"
note "inspect report: ok"
