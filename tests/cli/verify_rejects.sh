#!/usr/bin/env bash
# `corpusc verify` rejects damaged blobs with exit 4 and a message that names the file
# and the problem: truncation (several lengths), a flipped byte in the text frames,
# in the header/tables and in the last byte, a wrong file identifier, an empty file,
# garbage; the intact blob passes with exit 0.
# Usage: verify_rejects.sh CORPUSC DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 DATA=$2
make_temp_dir
good=$DATA/example.crp
size=$(stat -c %s "$good")

run "$CORPUSC" verify "$good"
expect_rc 0 "intact blob"
grep -q "ok" "$T/out" || fail "intact blob: no 'ok' report"

# rejects FILE PATTERN WHAT: exit 4, message names the file and matches PATTERN.
rejects() {
  run "$CORPUSC" verify "$1"
  expect_rc 4 "$3"
  expect_err "$(basename "$1")" "$3: message names the file"
  expect_err "$2" "$3"
}

for len in 0 8 100 $((size / 2)) $((size - 8)) $((size - 1)); do
  head -c "$len" "$good" > "$T/truncated-$len.crp"
  rejects "$T/truncated-$len.crp" "truncated|malformed|checksum" "truncated to $len bytes"
done
head -c 8 "$good" > "$T/short.crp"
rejects "$T/short.crp" "truncated" "8-byte blob: says truncated"

# flip POS: copy of the blob with byte POS inverted.
flip() {
  local pos=$1 out=$T/flip-$1.crp
  cp "$good" "$out"
  local b
  b=$(od -An -tu1 -j "$pos" -N1 "$good" | tr -d ' ')
  printf "\\x$(printf %02x $((b ^ 0xff)))" | dd of="$out" bs=1 seek="$pos" conv=notrunc status=none
  echo "$out"
}
rejects "$(flip $((size * 3 / 4)))" "checksum mismatch|decompress|malformed" "flipped byte at 3/4"
rejects "$(flip $((size - 1)))" "checksum mismatch|malformed" "flipped last byte"
rejects "$(flip 40)" "checksum mismatch|malformed|version" "flipped byte in the tables"
# A byte of the compressed text: the seal catches it and names the section.
rejects "$(flip $((size / 2)))" "checksum mismatch: the blob is corrupted \(in [a-z_]+" "flipped byte mid-blob names a section"

cp "$good" "$T/wrong-id.crp"
printf 'XXXX' | dd of="$T/wrong-id.crp" bs=1 seek=4 conv=notrunc status=none
rejects "$T/wrong-id.crp" "wrong file identifier" "wrong file identifier"

head -c 4096 /dev/urandom > "$T/garbage.crp"
rejects "$T/garbage.crp" "not a corpus blob|malformed|truncated" "random bytes"
: > "$T/empty.crp"
rejects "$T/empty.crp" "truncated" "empty file"
note "verify rejects: ok"
