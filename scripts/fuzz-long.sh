#!/usr/bin/env bash
# Long fuzz run: at least FUZZ_RUNS executions (default 1,000,000) of each runtime
# target (blob verify/read, tokenizer, query, search index; add fuzz_ingest by
# naming it), one after another, keeping and growing build/fuzz/fuzz-corpus/<target>.
# Prints executions reached per target; fails on any crash, leak or sanitizer report.
# A run takes roughly 10-60 min per target on 2 cores (ASan+UBSan); start it with
#   nohup scripts/fuzz-long.sh > build/fuzz/fuzz-long.log 2>&1 &
# Usage: scripts/fuzz-long.sh [target...]
# Env:   FUZZ_RUNS (default 1000000), FUZZ_MAX_SECONDS per target (default 7200),
#        FUZZ_BUILD_DIR (default build/fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${FUZZ_BUILD_DIR:-build/fuzz}
runs=${FUZZ_RUNS:-1000000}
source scripts/fuzz-common.sh

fuzz_configure_and_build "$build"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${FUZZ_RUNTIME_TARGETS[@]}")

failed=()
for t in "${targets[@]}"; do
  if ! fuzz_run "$build" "$t" -runs="$runs" -max_total_time="${FUZZ_MAX_SECONDS:-7200}"; then failed+=("$t"); fi
  fuzz_print_summary "$build" "$t"
done
echo "fuzz-long: summary" >&2
fuzz_print_summary "$build" "${targets[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-long: FAILED: ${failed[*]} (crash inputs and logs in $build/fuzz-out/)" >&2
  exit 1
fi
echo "fuzz-long: ${#targets[@]} targets clean"
