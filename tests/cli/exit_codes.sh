#!/usr/bin/env bash
# Each exit code of compiler/cli/exit_codes.hpp, produced through the binary:
#   0 ok, 1 I/O error, 2 usage (also -o onto an input), 3 bad input (also a repeated
# id), 4 bad blob, 5 not found, 6 limit (a query's operators; the build-side limits
# need > 16 Mi articles or > 2 GiB and are not run here: tests/compiler's
# build_errors_test checks that every error kind maps to its code).
# Usage: exit_codes.sh CORPUSC SOURCE_DIR DATA_DIR
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1 SRC=$2 DATA=$3
make_temp_dir
blob=$DATA/example.crp
id=$(cd "$SRC/examples/corpus" && ls *.txt | head -1)

# code WANT WHAT CMD...
code() {
  local want=$1 what=$2
  shift 2
  run "$@"
  expect_rc "$want" "$what"
}

code 0 "build" "$CORPUSC" build -q "$SRC/examples/corpus" -o "$T/ok.crp"
code 0 "verify" "$CORPUSC" verify "$blob"
code 0 "inspect" "$CORPUSC" inspect "$blob"
code 0 "cat" "$CORPUSC" cat "$blob" "$id"
code 0 "--version" "$CORPUSC" --version
grep -q "corpusc" "$T/out" || fail "--version prints no version"
code 0 "--help" "$CORPUSC" --help

code 1 "verify: missing file" "$CORPUSC" verify "$T/none.crp"
expect_err "none\.crp: cannot open" "verify: missing file message"
code 1 "build: output folder missing" "$CORPUSC" build -q "$SRC/examples/corpus" -o "$T/no/dir/out.crp"
expect_err "no/dir/out\.crp" "build: unwritable output names the path"

code 2 "no subcommand" "$CORPUSC"
code 2 "unknown subcommand" "$CORPUSC" frobnicate
code 2 "unknown option" "$CORPUSC" build --no-such-option "$SRC/examples/corpus" -o "$T/x.crp"
code 2 "build without -o" "$CORPUSC" build "$SRC/examples/corpus"
code 2 "unknown profile" "$CORPUSC" build "$SRC/examples/corpus" -o "$T/x.crp" --profile huge
expect_err "unknown profile" "unknown profile message"
code 2 "level out of range" "$CORPUSC" build "$SRC/examples/corpus" -o "$T/x.crp" --level 99
code 2 "cat without id" "$CORPUSC" cat "$blob"
cp "$SRC/examples/corpus/$id" "$T/input.txt" && cp "$T/input.txt" "$T/input.copy"
code 2 "build: output is an input" "$CORPUSC" build "$T/input.txt" -o "$T/input.txt"
cmp -s "$T/input.txt" "$T/input.copy" || fail "build: -o onto the input changed it"

code 3 "build: missing input" "$CORPUSC" build "$T/missing" -o "$T/x.crp"
mkdir "$T/in" && : > "$T/in/empty.txt"
code 3 "build: no articles" "$CORPUSC" build "$T/in" -o "$T/x.crp"
cp "$SRC/examples/corpus/$id" "$T/in/"
code 3 "build: warning under --strict" "$CORPUSC" build "$T/in" -o "$T/x.crp" --strict
[ ! -e "$T/x.crp" ] || fail "a failed build wrote its output"
printf '%s\n' '{"id":"x","text":"one"}' '{"id":"x","text":"two"}' > "$T/dups.jsonl"
code 3 "build: a repeated id" "$CORPUSC" build -q "$T/dups.jsonl" -o "$T/x.crp"
expect_err "dups\.jsonl:2: error: duplicate id \"x\" \(first seen in .*dups\.jsonl:1\)" "repeated id message"
[ ! -e "$T/x.crp" ] || fail "a build with a repeated id wrote its output"

head -c 1000 "$blob" > "$T/cut.crp"
code 4 "verify: truncated" "$CORPUSC" verify "$T/cut.crp"
code 4 "cat: not a blob" "$CORPUSC" cat "$SRC/examples/corpus/$id" "$id"
code 4 "inspect: not a blob" "$CORPUSC" inspect "$T/cut.crp"

code 5 "cat: unknown id" "$CORPUSC" cat "$blob" no/such/article.txt
expect_err "no article with id 'no/such/article\.txt'" "cat: unknown id message"
long_query=$(printf 'word %.0s' $(seq 1000))
code 0 "query: over 4096 bytes answers, truncated" "$CORPUSC" query "$blob" "$long_query"
many_phrases=$(printf '"w%d x" ' $(seq 40))
code 6 "query: operators over 32 clauses" "$CORPUSC" query "$blob" "$many_phrases"
expect_err "exceed the limit of 32 terms or 32 clauses" "query limit message"
note "exit codes: ok"
