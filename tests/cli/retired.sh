#!/usr/bin/env bash
# Retired documents (`corpusc build --base`, README "Updates"). examples/corpus holds
# one near-duplicate pair, 000_* and 001_* (the same article, other trailers); the
# lower id is the group's canonical. A base built without 000 indexes 001; the
# edition with 000 back indexes 000 and keeps 001's postings as a retired document:
#  * the build says so, inspect counts it, and the edition verifies;
#  * it ranks every query as the plain build of the same input (ids and scores),
#    and 001 is never a result; completions are the plain build's;
#  * an edition over that edition keeps it; --retrain (the compaction) drops it;
#  * when 000 leaves again, 001 is indexed again and found.
# Usage: retired.sh CORPUSC EXAMPLES_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 EXAMPLES=$2
make_temp_dir
mkdir "$T/base" "$T/all"
cp "$EXAMPLES"/*.txt "$T/all/"
cp "$EXAMPLES"/*.txt "$T/base/"; rm "$T/base"/000_*.txt
retired=$(basename "$EXAMPLES"/001_*.txt)

"$CORPUSC" build -q "$T/base" -o "$T/base.crp"
"$CORPUSC" build -q "$T/all" -o "$T/plain.crp"
run "$CORPUSC" build "$T/all" -o "$T/ed.crp" --base "$T/base.crp"
expect_rc 0 "edition"
expect_err "1 article\(s\) no longer indexed keep their postings as retired documents" "retired note"
"$CORPUSC" verify -q "$T/ed.crp" || fail "the edition with a retired document does not verify"
run "$CORPUSC" inspect "$T/ed.crp"
grep -q "^retired: 1 documents" "$T/out" || fail "inspect does not count the retired document"
run "$CORPUSC" inspect "$T/plain.crp"
grep -q "^retired:" "$T/out" && fail "inspect reports retired documents in a plain build"
[ "$("$CORPUSC" inspect --json "$T/ed.crp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["index"]["retired_documents"])')" = 1 ] ||
  fail "inspect --json: retired_documents is not 1"

# The retired document's own words: its title and a phrase of its body.
title=$(head -n 1 "$T/all/$retired")
printf '%s\n' "$title" "Lachin corridor" "Karabakh" "\"Nagorno Karabakh\"" "Azerbaijan Armenia peace" "Kara*" "refugees" > "$T/q.txt"
python3 "$(dirname "$0")/same_top10.py" "$CORPUSC" "$T/plain.crp" "$T/ed.crp" "$T/q.txt" ||
  fail "the edition with a retired document ranks differently from the plain build"
while IFS= read -r q; do
  "$CORPUSC" query "$T/ed.crp" --json -k 100 -- "$q" | grep -q "\"id\":\"$retired\"" && fail "query '$q' found the retired $retired"
done < "$T/q.txt"
for p in kara azer lach corr peac; do
  cmp -s <("$CORPUSC" complete "$T/plain.crp" "$p") <("$CORPUSC" complete "$T/ed.crp" "$p") ||
    fail "complete $p differs from the plain build"
done
"$CORPUSC" cat "$T/ed.crp" "$retired" > /dev/null || fail "cat of the retired article"

# An edition over the edition keeps it; --retrain drops it.
run "$CORPUSC" build "$T/all" -o "$T/ed2.crp" --base "$T/ed.crp"
expect_err "1 article\(s\) no longer indexed" "second edition keeps the retired document"
"$CORPUSC" verify -q "$T/ed2.crp" || fail "second edition does not verify"
run "$CORPUSC" build "$T/all" -o "$T/re.crp" --base "$T/ed.crp" --retrain
expect_no_err "no longer indexed" "--retrain keeps no retired document"
"$CORPUSC" inspect "$T/re.crp" | grep -q "^retired:" && fail "--retrain left a retired document"
python3 "$(dirname "$0")/same_top10.py" "$CORPUSC" "$T/plain.crp" "$T/re.crp" "$T/q.txt" || fail "--retrain ranks differently"

# 000 leaves again: 001 is the canonical once more, indexed and found.
run "$CORPUSC" build "$T/base" -o "$T/back.crp" --base "$T/ed.crp"
expect_rc 0 "edition without 000"
"$CORPUSC" verify -q "$T/back.crp" || fail "edition without 000 does not verify"
python3 "$(dirname "$0")/same_top10.py" "$CORPUSC" "$T/base.crp" "$T/back.crp" "$T/q.txt" ||
  fail "the edition without 000 ranks differently from its plain build"
"$CORPUSC" query "$T/back.crp" --json -- "$title" | grep -q "\"id\":\"$retired\"" || fail "001 is not found once it is canonical again"
note "retired documents: ok"
