#!/usr/bin/env bash
# README command (2): the whole test suite.
#   host Release build: every ctest (allocation-counting tests included);
#   host Debug build with ASan+UBSan: every ctest;
#   ARM: runtime tests under qemu-arm / qemu-aarch64, Cortex-M4 firmware under
#        qemu-system-arm (scripts/test-arm.sh);
#   fuzz: a short bounded run of every libFuzzer target (scripts/fuzz-short.sh).
# Every stage runs; the script fails if any stage failed.
#
# Usage: scripts/test.sh [--no-arm] [--no-fuzz] [--no-debug]
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
arm=1; fuzz=1; debug=1
for a in "$@"; do
  case "$a" in
    --no-arm) arm=0 ;;
    --no-fuzz) fuzz=0 ;;
    --no-debug) debug=0 ;;
    *) echo "test: unknown option $a" >&2; exit 2 ;;
  esac
done

if [ "$arm" = 1 ]; then scripts/install-deps.sh || exit 1; else scripts/install-deps.sh --no-arm || exit 1; fi

failed=()
stage() {  # stage <name> <command...>
  local name="$1"; shift
  echo "==== $name"
  local t0=$SECONDS
  if "$@"; then echo "==== $name: ok ($((SECONDS - t0)) s)"; else echo "==== $name: FAILED" >&2; failed+=("$name"); fi
}
host_tests() {  # host_tests <preset>
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null || return 1
  cmake --build --preset "$1" -- -j2 || return 1
  ctest --preset "$1" -j2
}

stage "host release" host_tests release
[ "$debug" = 1 ] && stage "host debug (ASan+UBSan)" host_tests debug
[ "$arm" = 1 ] && stage "ARM under qemu" scripts/test-arm.sh
if [ "$fuzz" = 1 ] && [ -x scripts/fuzz-short.sh ]; then stage "fuzz (short)" scripts/fuzz-short.sh; fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "test: FAILED stages: ${failed[*]}" >&2
  exit 1
fi
echo "test: all stages passed"
