#!/usr/bin/env bash
# `corpusc build -o OUT` is atomic (compiler/write/atomic_file.hpp):
#  * SIGKILL at random moments (RUNS times, default 30, half of them late, in the
#    write): OUT is always either absent (when it was before) or the complete blob -
#    byte-identical to the reference build (builds are deterministic) and verified;
#  * SIGINT at random moments: the same, and no OUT.tmp-* file is left behind.
# The corpus is generated (~6 MB of JSONL, little redundancy) so the blob is a few MB
# and its write and fsync take measurable time.
# Usage: atomic_output.sh CORPUSC [RUNS]
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 RUNS=${2:-30}
make_temp_dir
set -m  # background jobs in their own process group, SIGINT not ignored

awk 'BEGIN { srand(7); for (i = 0; i < 12000; i++) { printf "{\"id\":\"a%05d\",\"text\":\"", i;
       for (j = 0; j < 60; j++) printf "%x ", int(rand() * 4294967296); printf "\"}\n" } }' > "$T/in.jsonl"
args=(build -q "$T/in.jsonl" --level 1 --dict-size 0 --threads 1)

# Reference blob, and how long a build takes (ms).
t0=$(date +%s%N)
"$CORPUSC" "${args[@]}" -o "$T/ref.crp"
build_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
"$CORPUSC" verify -q "$T/ref.crp" || fail "reference blob does not verify"
note "reference build: ${build_ms} ms, $(stat -c %s "$T/ref.crp") bytes"

# check_out WHAT HAD_BLOB: OUT is the reference blob, or absent if it was before.
check_out() {
  if [ -e "$T/out.crp" ]; then
    cmp -s "$T/out.crp" "$T/ref.crp" || fail "$1: out.crp is neither absent nor the complete blob"
  elif [ "$2" = 1 ]; then
    fail "$1: the previous blob disappeared"
  fi
}

# interrupt SIGNAL RUN: starts a build, sends SIGNAL after a random delay; sets
# OUTCOME to "completed" or "killed" (no $(...): job control must stay on).
interrupt() {
  local sig=$1 i=$2 had=0
  if [ $((i % 2)) -eq 0 ]; then cp "$T/ref.crp" "$T/out.crp"; had=1; else rm -f "$T/out.crp"; fi
  # Every other run late in the build (the write), the others anywhere.
  local ms
  if [ $((i % 4)) -lt 2 ]; then ms=$((RANDOM % (build_ms + 20))); else ms=$((build_ms * 6 / 10 + RANDOM % (build_ms / 2 + 20))); fi
  "$CORPUSC" "${args[@]}" -o "$T/out.crp" &
  local pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -s "$sig" "$pid" 2> /dev/null || true
  local rc=0
  wait "$pid" || rc=$?
  check_out "$sig run $i (after ${ms} ms, exit $rc)" "$had"
  if [ "$rc" -eq 0 ]; then OUTCOME=completed; else OUTCOME=killed; fi
}

killed=0 completed=0
for i in $(seq 1 "$RUNS"); do
  interrupt KILL "$i"
  [ "$OUTCOME" = killed ] && killed=$((killed + 1)) || completed=$((completed + 1))
  rm -f "$T"/out.crp.tmp-*  # SIGKILL cannot clean up its temp file; that is expected
done
note "SIGKILL: $killed killed, $completed completed; out.crp always absent-or-complete"
[ "$killed" -gt 0 ] || fail "no build was killed: the test did not test anything"

killed=0 completed=0
for i in $(seq 1 $((RUNS / 2))); do
  interrupt INT "$i"
  [ "$OUTCOME" = killed ] && killed=$((killed + 1)) || completed=$((completed + 1))
  if ls "$T"/out.crp.tmp-* > /dev/null 2>&1; then fail "SIGINT run $i left a temp file: $(ls "$T"/out.crp.tmp-*)"; fi
done
note "SIGINT: $killed interrupted, $completed completed; no temp file left"
[ "$killed" -gt 0 ] || fail "no build was interrupted by SIGINT"
"$CORPUSC" verify -q "$T/ref.crp"
note "atomic output: ok"
