#!/usr/bin/env bash
# The build fingerprint (inspect --json) covers every option that changes the output:
# builds differing only in one such option have different fingerprints; the same
# options (and any --threads) the same one.
#   fingerprint.sh CORPUSC SOURCE_DIR
source "$(dirname "$0")/../cli/testlib.sh"
CORPUSC=$1 SRC=$2
make_temp_dir
ex=$SRC/examples/corpus
fp() {  # OPTIONS...: the fingerprint of examples/corpus built with them
  "$CORPUSC" build -q "$ex" -o "$T/fp.crp" "$@" || fail "build $*"
  "$CORPUSC" inspect --json "$T/fp.crp" | grep -o '"fingerprint": *"[0-9a-f]*"' | grep -o '[0-9a-f]\{16\}' ||
    fail "inspect --json shows no fingerprint"
}
base=$(fp)
again=$(fp)
[ "$again" = "$base" ] || fail "same options, different fingerprints"
threads=$(fp --threads 1)
[ "$threads" = "$base" ] || fail "--threads changed the fingerprint"
seen=" $base "
for option in "--level 3" "--near-threshold 0.5" "--near-threshold 0" --keep-boilerplate --no-stem --stopwords \
              "--profile small" "--block-size 65536" "--dict-size 0" "--dict-size 16384"; do
  other=$(fp $option)
  case $seen in
    *" $other "*) fail "$option: fingerprint $other equals another build's" ;;
  esac
  seen="$seen$other "
done
note "fingerprint: ok ($seen)"
