#!/usr/bin/env bash
# Builds and tests the runtime on ARM under qemu:
#   1. a host build's corpusc (build/release, configured with the `release` preset
#      if missing) compiles the test blobs for every cross build;
#   2. arm-linux (Cortex-A7 armhf) and aarch64-linux: build, ctest under qemu-user;
#   3. cortex-m4: the firmware example, ctest under qemu-system-arm (mps2-an386)
#      plus the no-heap symbol check, and its flash/RAM size;
#   4. cortex-m3: the same firmware under mps2-an385; cortex-m0plus: build only (no
#      qemu board has an M0+);
#   5. with cortex-m4: README's Cortex-M4 block run as written (ctest -L readme-cortex-m4
#      in the host build, tests/readme).
# Each target is its CMake preset: cmake --preset T, cmake --build --preset T,
# ctest --preset T (CMakePresets.json).
# Exits non-zero if any step fails (every target is still attempted).
#
# Usage: scripts/test-arm.sh [--only arm-linux,aarch64-linux,cortex-m4,cortex-m3,cortex-m0plus] [-j N]
# Env:   CORPUS_HOST_BUILD   host build folder (default build/release)
#        CORPUS_HOST_CORPUSC use this corpusc instead of building the host one
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
targets=(arm-linux aarch64-linux cortex-m4 cortex-m3 cortex-m0plus)
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --only) IFS=, read -r -a targets <<<"$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "test-arm: unknown option $1" >&2; exit 2 ;;
  esac
done

failed=()
step() {  # step <name> <command...>: runs it, records a failure, never exits
  local name="$1"; shift
  echo "==> $name: $*"
  if ! "$@"; then
    echo "test-arm: FAILED: $name" >&2
    failed+=("$name")
    return 1
  fi
}

# zstd's source for the targets' decoder (fast when already cached).
step "fetch zstd source" scripts/fetch-zstd-source.sh || exit 1

host_build="${CORPUS_HOST_BUILD:-build/release}"
corpusc="${CORPUS_HOST_CORPUSC:-}"
if [ -z "$corpusc" ]; then
  if [ ! -f "$host_build/build.ninja" ]; then
    if [ "$host_build" = build/release ]; then
      step "configure host" cmake --preset release || exit 1
    else
      step "configure host" cmake -S . -B "$host_build" -G Ninja -DCMAKE_BUILD_TYPE=Release || exit 1
    fi
  fi
  step "build host corpusc" ninja -C "$host_build" -j "$jobs" corpusc || exit 1
  corpusc="$root/$host_build/compiler/corpusc"
fi
[ -x "$corpusc" ] || { echo "test-arm: no corpusc at $corpusc" >&2; exit 1; }
corpusc="$(cd "$(dirname "$corpusc")" && pwd)/$(basename "$corpusc")"

for t in "${targets[@]}"; do
  case "$t" in
    arm-linux|aarch64-linux|cortex-m4|cortex-m3|cortex-m0plus) ;;
    *) echo "test-arm: unknown target $t" >&2; failed+=("$t"); continue ;;
  esac
  step "$t configure" cmake --preset "$t" -DCORPUS_HOST_CORPUSC="$corpusc" || continue
  # Keep going past a broken target so ctest reports every test that did build.
  step "$t build" cmake --build --preset "$t" -- -j "$jobs" -k 0
  if [ "$t" = cortex-m0plus ]; then continue; fi  # no qemu board has a Cortex-M0+
  step "$t ctest" ctest --preset "$t" -j "$jobs"
  if [ "$t" = cortex-m4 ]; then
    arm-none-eabi-size -A build/cortex-m4/examples/cortex-m/corpus_firmware.elf |
      awk '/^\.(isr_vector|text|ARM.exidx|init_array|data|bss|stack) / {print "    " $1 " " $2 " B"}'
  fi
done

# README's Cortex-M4 integration block as written (tests/readme), from the host build.
if [[ " ${targets[*]} " == *" cortex-m4 "* ]] && [ -z "${CORPUS_HOST_CORPUSC:-}" ]; then
  step "README cortex-m4 build" cmake --build "$host_build" -- -j "$jobs"
  step "README cortex-m4" ctest --test-dir "$host_build" -L readme-cortex-m4 --output-on-failure
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "test-arm: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test-arm: all ARM targets passed (${targets[*]})"
