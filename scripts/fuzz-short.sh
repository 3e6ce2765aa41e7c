#!/usr/bin/env bash
# Short fuzz run (CI, < 3 min): configures build/fuzz with clang + libFuzzer + ASan/UBSan,
# builds the fuzz targets (tests/fuzz/) and their seed corpora, runs each target for
# FUZZ_SECONDS (default 20) and fails on any crash, leak, timeout or sanitizer report.
# Usage: scripts/fuzz-short.sh [target...]     (default: every target)
# Env:   FUZZ_SECONDS, FUZZ_BUILD_DIR (default build/fuzz), FUZZ_JOBS (ninja -j, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${FUZZ_BUILD_DIR:-build/fuzz}
seconds=${FUZZ_SECONDS:-20}
source scripts/fuzz-common.sh

fuzz_configure_and_build "$build"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${FUZZ_ALL_TARGETS[@]}")

failed=()
for t in "${targets[@]}"; do
  if ! fuzz_run "$build" "$t" -max_total_time="$seconds"; then failed+=("$t"); fi
done
fuzz_print_summary "$build" "${targets[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-short: FAILED: ${failed[*]} (crash inputs and logs in $build/fuzz-out/)" >&2
  exit 1
fi
echo "fuzz-short: all ${#targets[@]} targets clean"
