# Helpers for the shell tests of tests/cli and tests/hostile (sourced, not run).
# Every test script gets CORPUSC (the binary under test) and makes its own temp dir.
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
note() { echo "-- $*" >&2; }

# A temp dir removed on exit (sets T).
make_temp_dir() {
  T=$(mktemp -d "${TMPDIR:-/tmp}/corpus-cli-test.XXXXXX")
  trap 'rm -rf "$T"' EXIT
}

# run CMD...: runs it with stdout/stderr in $T/out, $T/err; sets RC (never exits).
run() {
  RC=0
  "$@" > "$T/out" 2> "$T/err" || RC=$?
}

# expect_rc WANT WHAT: RC must be WANT.
expect_rc() {
  if [ "$RC" -ne "$1" ]; then
    echo "stderr:" >&2
    head -c 3000 "$T/err" >&2
    fail "$2: exit code $RC, expected $1"
  fi
}

# expect_err PATTERN WHAT: stderr must match the extended regex.
expect_err() {
  if ! grep -qE -- "$1" "$T/err"; then
    echo "stderr:" >&2
    head -c 3000 "$T/err" >&2
    fail "$2: stderr does not match /$1/"
  fi
}

# expect_no_err PATTERN WHAT: stderr must not match.
expect_no_err() {
  if grep -qE -- "$1" "$T/err"; then
    head -c 3000 "$T/err" >&2
    fail "$2: stderr unexpectedly matches /$1/"
  fi
}

# summary_value LABEL: the number at the end of the build summary's row that starts
# with LABEL ("articles", "skipped", "repaired"; from $T/err).
summary_value() {
  local v
  v=$(grep -E "^$1" "$T/err" | head -1 | awk '{print $NF}' | tr -d ',' || true)
  [ -n "$v" ] || { cat "$T/err" >&2; fail "summary has no row '$1'"; }
  echo "$v"
}

# skip_test MESSAGE: ctest treats exit 77 as skipped (SKIP_RETURN_CODE 77).
skip_test() {
  echo "SKIP: $*" >&2
  exit 77
}
