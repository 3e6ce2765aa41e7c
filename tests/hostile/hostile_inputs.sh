#!/usr/bin/env bash
# Hostile and odd input to `corpusc build`, one case per ctest entry:
#   hostile_inputs.sh CORPUSC CASE
# Every case builds a folder holding one good article plus the odd input, and asserts:
#  * default: exit 0, a warning that names the file (and line), the blob verifies, the
#    summary counts every input (articles + skipped == inputs), the good article reads;
#  * --strict: exit 3, the same warning, "--strict" named, no output file written.
# Cases that are not skipped (huge article, many articles) assert that the input
# round-trips instead. Runtime of the whole set: ~1 min in a release build.
set -euo pipefail
source "$(dirname "$0")/../cli/testlib.sh"
CORPUSC=$1
CASE=$2
make_temp_dir
IN=$T/in
mkdir -p "$IN"
printf 'A good article\n\nIts body has a few sentences of plain text. Nothing odd here.\n' > "$IN/good.txt"

# build_default WHAT INPUTS ARTICLES SKIPPED: default build succeeds with these counts.
build_default() {
  local what=$1 inputs=$2 articles=$3 skipped=$4
  run "$CORPUSC" build "$IN" -o "$T/out.crp" --level 3
  expect_rc 0 "$what (default)"
  [ "$(summary_value 'articles')" = "$articles" ] || fail "$what: summary articles != $articles"
  [ "$(summary_value 'skipped')" = "$skipped" ] || fail "$what: summary skipped != $skipped"
  [ $((articles + skipped)) -eq "$inputs" ] || fail "$what: test expects $inputs inputs"
  cp "$T/err" "$T/build-err"
  run "$CORPUSC" verify "$T/out.crp"
  expect_rc 0 "$what: verify"
  run "$CORPUSC" cat --original "$T/out.crp" good.txt
  expect_rc 0 "$what: cat good.txt"
  cmp -s "$T/out" "$IN/good.txt" || fail "$what: good.txt does not round-trip"
  cp "$T/build-err" "$T/err"  # the callers' expect_err checks the build's messages
}

# build_strict WHAT PATTERN: --strict fails with exit 3, names the problem, writes nothing.
build_strict() {
  local what=$1 pattern=$2
  rm -f "$T/strict.crp"
  run "$CORPUSC" build "$IN" -o "$T/strict.crp" --strict --level 3
  expect_rc 3 "$what (--strict)"
  expect_err "$pattern" "$what (--strict)"
  expect_err "with --strict" "$what (--strict)"
  [ ! -e "$T/strict.crp" ] || fail "$what: --strict wrote the output"
  ! ls "$T"/strict.crp.tmp-* > /dev/null 2>&1 || fail "$what: --strict left a temp file"
  # -q leaves out the summary, never the warnings that fail the build.
  run "$CORPUSC" build -q "$IN" -o "$T/strict.crp" --strict --level 3
  expect_rc 3 "$what (--strict -q)"
  expect_err "$pattern" "$what (--strict -q)"
  [ ! -e "$T/strict.crp" ] || fail "$what: --strict -q wrote the output"
}

case $CASE in
  non_utf8)
    # Latin-1 bytes: kept byte-exact for `cat --original`, repaired for search.
    printf 'Caf\xe9 cr\xe8me\n\nPrices in \xa3 and \x80; a lone \xc3 and an overlong \xc0\xaf.\n' > "$IN/latin1.txt"
    build_default "non-UTF-8" 2 2 0
    expect_err "latin1\.txt: warning: not valid UTF-8" "non-UTF-8 warning names the file"
    [ "$(summary_value 'repaired')" = 1 ] || fail "non-UTF-8: summary repaired != 1"
    run "$CORPUSC" cat --original "$T/out.crp" latin1.txt
    expect_rc 0 "cat --original latin1.txt"
    cmp -s "$T/out" "$IN/latin1.txt" || fail "non-UTF-8 input not kept byte-exact"
    run "$CORPUSC" cat "$T/out.crp" latin1.txt
    expect_rc 0 "cat latin1.txt"
    grep -q 'Café crème' "$T/out" || fail "normalized text is not the Windows-1252 reading"
    build_strict "non-UTF-8" "latin1\.txt: warning: not valid UTF-8"
    ;;
  empty_file)
    : > "$IN/empty.txt"
    : > "$IN/empty.html"
    build_default "empty files" 3 1 2
    expect_err "empty\.txt: warning: skipped: empty file" "empty .txt warning"
    expect_err "empty\.html: warning: skipped: empty file" "empty .html warning"
    build_strict "empty files" "empty\.txt: warning: skipped: empty file"
    ;;
  binary_file)
    head -c 4096 /dev/urandom > "$IN/random.txt"
    printf 'looks like text\0but has a NUL' >> "$IN/random.txt"
    head -c 2048 /dev/urandom > "$IN/random.html"
    build_default "binary files" 3 1 2
    expect_err "random\.txt: warning: skipped: binary file" "binary .txt warning"
    expect_err "random\.html: warning: skipped: " "binary .html warning"
    build_strict "binary files" "random\.txt: warning: skipped: binary file"
    ;;
  unsupported_file)
    printf 'x' > "$IN/picture.png"
    build_default "unsupported file" 2 1 1
    expect_err "picture\.png: warning: skipped: unsupported file type" "unsupported file warning"
    build_strict "unsupported file" "picture\.png: warning: skipped: unsupported file type"
    ;;
  bad_jsonl_line)
    printf '%s\n' '{"id":"j1","title":"One","text":"First line article."}' 'this is not JSON' \
      '{"id":"j2","text":"Second"' '[1,2,3]' '{"id":"j3","text":"Third line article."}' '{"id":"j4"}' \
      > "$IN/lines.jsonl"
    build_default "bad JSONL lines" 7 3 4
    expect_err "lines\.jsonl:2: warning: skipped: not a JSON object" "not JSON warning names file:line"
    expect_err "lines\.jsonl:3: warning: skipped: not a JSON object" "truncated JSON warning"
    expect_err "lines\.jsonl:4: warning: skipped: not a JSON object" "JSON array warning"
    expect_err "lines\.jsonl:6: warning: skipped: no string \"text\"" "missing text warning"
    run "$CORPUSC" cat --original "$T/out.crp" j3
    expect_rc 0 "cat j3"
    [ "$(cat "$T/out")" = '{"id":"j3","text":"Third line article."}' ] || fail "j3 original is not its line"
    build_strict "bad JSONL lines" "lines\.jsonl:2: warning: skipped: not a JSON object"
    ;;
  duplicate_ids)
    printf '%s\n' '{"id":"dup","text":"The first article with this id wins."}' \
      '{"id":"other","text":"Another article."}' '{"id":"dup","text":"A second article, same id."}' \
      '{"id":"good.txt","text":"Clashes with the file good.txt."}' > "$IN/zz-dups.jsonl"
    # A repeated id is an error naming both sources, in every mode; nothing is written.
    for mode in "" -q --strict; do
      rm -f "$T/out.crp"
      run "$CORPUSC" build "$IN" -o "$T/out.crp" --level 3 $mode
      expect_rc 3 "duplicate ids $mode"
      expect_err "zz-dups\.jsonl:3: error: duplicate id \"dup\" \(first seen in .*zz-dups\.jsonl:1\)" \
        "duplicate id error names both file:line $mode"
      expect_err "zz-dups\.jsonl:4: error: duplicate id \"good\.txt\" \(first seen in .*/good\.txt\)" \
        "id clash with a file names both $mode"
      [ ! -e "$T/out.crp" ] || fail "duplicate ids $mode: output written"
    done
    # --allow-duplicate-ids: files are read in sorted order (good.txt first) and the
    # first article with an id wins; each other one is a warning, -q or not.
    run "$CORPUSC" build -q --allow-duplicate-ids "$IN" -o "$T/out.crp" --level 3
    expect_rc 0 "--allow-duplicate-ids -q"
    expect_err "zz-dups\.jsonl:3: warning: skipped: duplicate id \"dup\"" "-q still names the dropped line"
    expect_err "zz-dups\.jsonl:4: warning: skipped: duplicate id \"good\.txt\"" "-q still names the clash"
    run "$CORPUSC" build --allow-duplicate-ids "$IN" -o "$T/out.crp" --level 3
    [ "$(summary_value 'articles')" = 3 ] || fail "--allow-duplicate-ids: summary articles != 3"
    [ "$(summary_value 'skipped')" = 2 ] || fail "--allow-duplicate-ids: summary skipped != 2"
    run "$CORPUSC" cat "$T/out.crp" dup
    expect_rc 0 "cat dup"
    grep -q 'first article with this id wins' "$T/out" || fail "duplicate id: the first one must win"
    run "$CORPUSC" cat "$T/out.crp" good.txt
    grep -q 'Nothing odd here' "$T/out" || fail "duplicate id: the file good.txt must win"
    run "$CORPUSC" build "$IN" -o "$T/strict.crp" --strict --allow-duplicate-ids --level 3
    expect_rc 3 "--allow-duplicate-ids --strict"
    expect_err "with --strict" "--allow-duplicate-ids --strict"
    ;;
  missing_path)
    # A missing INPUT is an error in every mode (exit_codes.hpp: kExitInput), so a
    # typo never ships a partial blob; the message names the path.
    for mode in "" --strict; do
      rm -f "$T/out.crp"
      run "$CORPUSC" build "$IN" "$T/no/such/dir" -o "$T/out.crp" $mode
      expect_rc 3 "missing path $mode"
      expect_err "no/such/dir: error: no such file or directory" "missing path message $mode"
      [ ! -e "$T/out.crp" ] || fail "missing path: output written"
    done
    run "$CORPUSC" build "$T/nothing.txt" -o "$T/out.crp"
    expect_rc 3 "only a missing path"
    expect_err "nothing\.txt: error: no such file or directory" "only a missing path: message"
    ;;
  no_articles)
    rm "$IN/good.txt"
    : > "$IN/empty.txt"
    run "$CORPUSC" build "$IN" -o "$T/out.crp"
    expect_rc 3 "no articles"
    expect_err "no articles" "no articles: message"
    [ ! -e "$T/out.crp" ] || fail "no articles: output written"
    ;;
  nested_html)
    # 100,000 nested <div>s: skipped by the nesting limit (html_nesting.hpp) in well
    # under a second - gumbo alone would take ~45 s (quadratic) - with a warning.
    # 900 nested <div>s stay within it and are read.
    deep_page() {  # DIVS
      printf '<html><head><title>Deep</title></head><body>'
      head -c $(($1 * 5)) /dev/zero | sed 's/\x0\{5\}/<div>/g' | tr -d '\0'
      printf '<p>The text at the bottom of a very deep tree of divs, long enough to be main text.</p>'
      printf '</body></html>'
    }
    deep_page 100000 > "$IN/deep.html"
    deep_page 900 > "$IN/deep-ok.html"
    [ "$(grep -o '<div>' "$IN/deep.html" | wc -l)" -eq 100000 ] || fail "generator: not 100000 divs"
    build_default "deeply nested HTML" 3 2 1
    expect_err "deep\.html: warning: skipped: HTML nested deeper than the limit of [0-9]+ elements" "nesting warning"
    run "$CORPUSC" cat "$T/out.crp" deep-ok.html
    expect_rc 0 "cat deep-ok.html"
    grep -q "text at the bottom" "$T/out" || fail "900 nested divs: text not found"
    build_strict "deeply nested HTML" "deep\.html: warning: skipped: HTML nested deeper"
    ;;
  huge_article)
    # One 100 MB article (below corpus::kMaxArticleBytes, 256 MiB): must build and
    # round-trip byte-exact. Fast settings: the test is about size, not ratio.
    awk 'BEGIN { printf "A very long article\n\n"; n = 21;
                 for (i = 0; n < 100000000; i++) { l = sprintf("Line %d of a very long article, %x.\n", i, i * 7919); printf "%s", l; n += length(l) } }' \
      > "$IN/huge.txt"
    truncate -s 100000000 "$IN/huge.txt"
    [ "$(stat -c %s "$IN/huge.txt")" -eq 100000000 ] || fail "generator: huge.txt is not 100 MB"
    run "$CORPUSC" build "$IN" -o "$T/out.crp" --level 1 --dict-size 0
    expect_rc 0 "100 MB article"
    [ "$(summary_value 'articles')" = 2 ] || fail "100 MB article: summary articles != 2"
    run "$CORPUSC" verify "$T/out.crp"
    expect_rc 0 "100 MB article: verify"
    "$CORPUSC" cat --original "$T/out.crp" huge.txt | cmp -s - "$IN/huge.txt" || fail "100 MB article does not round-trip"
    ;;
  many_articles)
    # 200,000 tiny articles in one JSONL file (plus good.txt).
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"id\":\"n%06d\",\"title\":\"Note %d\",\"text\":\"Tiny article number %d about %x.\"}\n", i, i, i, i * 2654435761 % 4294967296 }' \
      > "$IN/many.jsonl"
    run "$CORPUSC" build "$IN" -o "$T/out.crp" --level 3
    expect_rc 0 "200,000 articles"
    [ "$(summary_value 'articles')" = 200001 ] || fail "200,000 articles: summary articles != 200001"
    [ "$(summary_value 'skipped')" = 0 ] || fail "200,000 articles: summary skipped != 0"
    run "$CORPUSC" verify "$T/out.crp"
    expect_rc 0 "200,000 articles: verify"
    for id in n000000 n123456 n199999; do
      run "$CORPUSC" cat --original "$T/out.crp" "$id"
      expect_rc 0 "cat $id"
      grep -q "\"id\":\"$id\"" "$T/out" || fail "cat $id: wrong article"
    done
    ;;
  *)
    fail "unknown case $CASE"
    ;;
esac
note "$CASE: ok"
