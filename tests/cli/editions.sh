#!/usr/bin/env bash
# `corpusc build --base OLD` (stable editions, README "Updates"), on a generated corpus:
#  * same input and base give the same bytes, for --threads 1 and 2; both verify;
#  * the edition answers queries and `cat` exactly as a blob built without --base;
#  * the base's dictionary is kept (stderr says so) and its unchanged frames stay
#    byte-identical: the edition holds the base's first frames' bytes;
#  * --retrain trains a new one; --retrain without --base is a usage error;
#  * a missing, corrupt or non-blob base is refused (exit 3), -o onto the base too
#    (exit 2), and the base is never changed;
#  * SIGKILL during a --base build leaves the previous output whole.
# Usage: editions.sh CORPUSC
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1
make_temp_dir
set -m

# 600 articles over a small vocabulary (so a dictionary trains); old lacks every 10th.
awk 'BEGIN { srand(11); split("alpha beta gamma delta river stone market vote match film court rain", w, " ");
  for (i = 0; i < 600; i++) { line = sprintf("{\"id\":\"a%04d\",\"title\":\"%s %s %d\",\"text\":\"", i, w[i % 12 + 1], w[(i * 7) % 12 + 1], i);
    for (j = 0; j < 150; j++) line = line w[int(rand() * 12) + 1] " " int(rand() * 50) " ";
    print line "\"}" } }' > "$T/all.jsonl"
awk 'NR % 10 != 0' "$T/all.jsonl" > "$T/old.jsonl"
mkdir "$T/new" "$T/oldd"; cp "$T/all.jsonl" "$T/new/in.jsonl"; cp "$T/old.jsonl" "$T/oldd/in.jsonl"
opts=(--dict-size 8192 --block-size 16384)

"$CORPUSC" build -q "${opts[@]}" "$T/oldd" -o "$T/old.crp"
cp "$T/old.crp" "$T/old.copy"
"$CORPUSC" build -q "${opts[@]}" "$T/new" -o "$T/plain.crp"
run "$CORPUSC" build "${opts[@]}" --threads 1 "$T/new" -o "$T/ed1.crp" --base "$T/old.crp"
expect_rc 0 "build --base"
expect_err "edition: 540 kept, 60 new, 0 removed articles.*the base's dictionary is kept" "dictionary kept"
"$CORPUSC" build -q "${opts[@]}" --threads 2 "$T/new" -o "$T/ed2.crp" --base "$T/old.crp"
cmp -s "$T/ed1.crp" "$T/ed2.crp" || fail "--base: --threads 1 and 2 give different bytes"
"$CORPUSC" verify -q "$T/ed1.crp" || fail "the edition does not verify"
"$CORPUSC" verify -q "$T/plain.crp" || fail "the plain blob does not verify"
cmp -s "$T/old.crp" "$T/old.copy" || fail "the base changed"
cmp -s "$T/ed1.crp" "$T/plain.crp" && fail "the edition is the plain blob: --base did nothing"

# Unchanged frames: the dictionary and frame_data come first in the file (blob_writer),
# so the edition keeps most of old's bytes at their offsets; a plain build (new
# dictionary, new frame order) keeps next to none.
# Bytes of NEW equal to OLD's at the same offset.
same_bytes() { echo $(( $(stat -c %s "$2") - $({ cmp -l "$1" "$2" 2> /dev/null || true; } | wc -l) )); }
kept_ed=$(same_bytes "$T/old.crp" "$T/ed1.crp")
kept_plain=$(same_bytes "$T/old.crp" "$T/plain.crp")
note "bytes equal to old's at the same offset: edition $kept_ed, plain $kept_plain"
[ "$kept_ed" -gt $((2 * kept_plain)) ] || fail "the edition keeps no more of old's bytes in place than a plain build"

# Same answers as the plain blob: top-10 scores and ids (same_top10.py), cat of old and new ids.
printf 'alpha river\nvote 7\ngamma delta market\nfilm court rain\n"stone market"\nbeta*\n' > "$T/q.txt"
python3 "$(dirname "$0")/same_top10.py" "$CORPUSC" "$T/plain.crp" "$T/ed1.crp" "$T/q.txt" ||
  fail "the edition ranks differently from the plain blob"
for id in a0000 a0009 a0010 a0599 a0590; do
  "$CORPUSC" cat "$T/plain.crp" "$id" > "$T/c-plain" || fail "cat $id (plain)"
  "$CORPUSC" cat "$T/ed1.crp" "$id" > "$T/c-ed" || fail "cat $id (edition)"
  cmp -s "$T/c-plain" "$T/c-ed" || fail "cat $id differs between the edition and the plain blob"
done

"$CORPUSC" inspect --ids "$T/plain.crp" > "$T/ids-plain"
"$CORPUSC" inspect --ids "$T/ed1.crp" > "$T/ids-ed"
cmp -s "$T/ids-plain" "$T/ids-ed" || fail "inspect --ids of the edition is not in id order"

# --retrain: a new dictionary, still the same answers.
run "$CORPUSC" build "${opts[@]}" "$T/new" -o "$T/re.crp" --base "$T/old.crp" --retrain
expect_rc 0 "--retrain"
expect_err "dictionary retrained \(--retrain\)" "--retrain note"
cmp -s "$T/re.crp" "$T/ed1.crp" && fail "--retrain gave the kept-dictionary bytes"
"$CORPUSC" verify -q "$T/re.crp" || fail "--retrain blob does not verify"
python3 "$(dirname "$0")/same_top10.py" "$CORPUSC" "$T/plain.crp" "$T/re.crp" "$T/q.txt" ||
  fail "--retrain ranks differently"
run "$CORPUSC" build "${opts[@]}" "$T/new" -o "$T/x.crp" --retrain
expect_rc 2 "--retrain without --base"

# Bad bases: missing, not a blob, corrupt (one byte flipped in the frames); -o onto it.
run "$CORPUSC" build -q "$T/new" -o "$T/x.crp" --base "$T/nope.crp"
expect_rc 3 "missing base"; expect_err "--base .*nope.crp" "missing base message"
run "$CORPUSC" build -q "$T/new" -o "$T/x.crp" --base "$T/all.jsonl"
expect_rc 3 "non-blob base"
cp "$T/old.crp" "$T/bad.crp"
printf '\x55' | dd of="$T/bad.crp" bs=1 seek=$(( $(stat -c %s "$T/bad.crp") / 2 )) conv=notrunc status=none
run "$CORPUSC" build -q "$T/new" -o "$T/x.crp" --base "$T/bad.crp"
expect_rc 3 "corrupt base"; expect_err "does not verify" "corrupt base message"
[ ! -e "$T/x.crp" ] || fail "a refused build wrote its output"
run "$CORPUSC" build -q "${opts[@]}" "$T/new" -o "$T/old.crp" --base "$T/old.crp"
expect_rc 2 "-o onto the base"; expect_err "is the base" "-o onto the base message"
cmp -s "$T/old.crp" "$T/old.copy" || fail "-o onto the base changed the base"

# SIGKILL during --base builds: out.crp stays the previous edition or is the new one.
cp "$T/plain.crp" "$T/out.crp"
killed=0
for i in 1 2 3 4 5 6; do
  "$CORPUSC" build -q "${opts[@]}" --threads 1 "$T/new" -o "$T/out.crp" --base "$T/old.crp" &
  pid=$!
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -KILL "$pid" 2> /dev/null || true
  rc=0; wait "$pid" || rc=$?
  [ "$rc" -ne 0 ] && killed=$((killed + 1))
  if ! cmp -s "$T/out.crp" "$T/plain.crp" && ! cmp -s "$T/out.crp" "$T/ed1.crp"; then
    fail "kill run $i: out.crp is neither the previous blob nor the complete edition"
  fi
  cmp -s "$T/old.crp" "$T/old.copy" || fail "kill run $i: the base changed"
  rm -f "$T"/out.crp.tmp-*
  cp "$T/plain.crp" "$T/out.crp"
done
note "SIGKILL during --base: $killed of 6 killed; output always whole"
[ "$killed" -gt 0 ] || fail "no --base build was killed"
note "editions: ok"
