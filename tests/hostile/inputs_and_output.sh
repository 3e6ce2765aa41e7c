#!/usr/bin/env bash
# Several inputs, the output path and what -q shows, through `corpusc build`:
#   inputs_and_output.sh CORPUSC CASE [SHARED_DIR]
# Cases:
#   several_inputs      two folders with the same file names keep every article, ids
#                       relative to the common parent; one folder keeps today's ids
#   bbc_two_folders     bbc-news/business + bbc-news/sport keep all their files (SKIP without ../shared)
#   output_is_input     -o onto an input file (any spelling, symlink) exits 2, input byte-identical
#   output_inside_input rebuilding into an input folder never reads the old blob or temp files
#   strict_quiet        --strict -q prints the warnings that fail the build
#   build_help          build --help says how ids are derived and shows defaults
source "$(dirname "$0")/../cli/testlib.sh"
CORPUSC=$1
CASE=$2
SHARED=${3:-}
make_temp_dir
article() {  # FILE TITLE: a small text article
  mkdir -p "$(dirname "$1")"
  printf '%s\n\nThe body of the article called %s, with a few more words.\n' "$2" "$2" > "$1"
}

case $CASE in
  several_inputs)
    article "$T/news/business/001.txt" "Markets rise"
    article "$T/news/business/002.txt" "Banks merge"
    article "$T/news/sport/001.txt" "Cup final"
    run "$CORPUSC" build -q "$T/news/business" "$T/news/sport/" -o "$T/x.crp"
    expect_rc 0 "two folders"
    "$CORPUSC" inspect --ids "$T/x.crp" > "$T/ids"
    [ "$(cat "$T/ids" | tr '\n' ' ')" = "business/001.txt business/002.txt sport/001.txt " ] ||
      fail "two folders: ids are $(cat "$T/ids" | tr '\n' ' ')"
    run "$CORPUSC" build -q "$T/news/business/002.txt" "$T/news/sport/001.txt" -o "$T/f.crp"
    expect_rc 0 "two files"
    [ "$("$CORPUSC" inspect --ids "$T/f.crp" | tr '\n' ' ')" = "business/002.txt sport/001.txt " ] ||
      fail "two files: ids are relative to the common parent"
    run "$CORPUSC" build -q "$T/news/business" -o "$T/one.crp"
    expect_rc 0 "one folder"
    [ "$("$CORPUSC" inspect --ids "$T/one.crp" | tr '\n' ' ')" = "001.txt 002.txt " ] || fail "one folder: ids changed"
    ;;
  bbc_two_folders)
    bbc=$SHARED/corpora/bbc-news
    [ -d "$bbc/business" ] && [ -d "$bbc/sport" ] || skip_test "no $bbc/business and sport"
    files=$(find "$bbc/business" "$bbc/sport" -type f -name '*.txt' | wc -l)
    run "$CORPUSC" build "$bbc/business" "$bbc/sport" -o "$T/x.crp" --level 1
    expect_rc 0 "BBC business + sport"
    ids=$("$CORPUSC" inspect --ids "$T/x.crp" | wc -l)
    [ "$ids" -eq "$files" ] || fail "BBC business + sport: $ids ids for $files files"
    [ "$(summary_value 'skipped')" = 0 ] || fail "BBC business + sport: articles skipped"
    "$CORPUSC" cat --original "$T/x.crp" sport/001.txt | cmp -s - "$bbc/sport/001.txt" || fail "sport/001.txt"
    "$CORPUSC" cat --original "$T/x.crp" business/001.txt | cmp -s - "$bbc/business/001.txt" || fail "business/001.txt"
    note "BBC business + sport: $ids of $files"
    ;;
  output_is_input)
    printf '%s\n' '{"id":"a","text":"Alpha article."}' '{"id":"b","text":"Beta article."}' > "$T/f.jsonl"
    cp "$T/f.jsonl" "$T/keep"
    ln -s f.jsonl "$T/link.jsonl"
    mkdir "$T/dir" && article "$T/dir/a.txt" "In a folder" && cp "$T/dir/a.txt" "$T/keep-a"
    cd "$T"
    for spelling in "f.jsonl -o f.jsonl" "./f.jsonl -o $T/f.jsonl" "link.jsonl -o f.jsonl" "f.jsonl -o link.jsonl" \
                    "dir -o dir/a.txt" "dir -o ./dir/../dir/a.txt"; do
      run "$CORPUSC" build $spelling
      expect_rc 2 "build $spelling"
      expect_err "is the input .* \(the same file\)" "build $spelling: message"
      cmp -s f.jsonl keep || fail "build $spelling changed f.jsonl"
      cmp -s dir/a.txt keep-a || fail "build $spelling changed dir/a.txt"
      [ -L link.jsonl ] || fail "build $spelling replaced the symlink"
      ! ls ./*.tmp-* dir/*.tmp-* > /dev/null 2>&1 || fail "build $spelling left a temp file"
    done
    ;;
  output_inside_input)
    article "$T/in/a.txt" "First"
    article "$T/in/b.txt" "Second"
    for round in 1 2 3; do
      run "$CORPUSC" build --strict "$T/in" -o "$T/in/out.crp" --level 3
      expect_rc 0 "rebuild $round into the input folder, --strict"
      expect_no_err ": warning:" "rebuild $round: a warning"
      [ "$(summary_value 'input files')" = 2 ] || fail "rebuild $round: the output was counted as input"
      cp "$T/in/out.crp" "$T/round$round.crp"
    done
    cmp -s "$T/round1.crp" "$T/round3.crp" || fail "rebuilds differ: the old blob was read"
    expect_err "out\.crp: note: not read: it is this build's output" "rebuild: the note"
    : > "$T/in/out.crp.tmp-12345"
    run "$CORPUSC" build --strict -q "$T/in" -o "$T/in/out.crp" --level 3
    expect_rc 0 "a leftover temporary file"
    cmp -s "$T/round1.crp" "$T/in/out.crp" || fail "a leftover temporary file was read"
    ;;
  strict_quiet)
    article "$T/in/good.txt" "Good"
    : > "$T/in/empty.txt"
    run "$CORPUSC" build --strict -q "$T/in" -o "$T/x.crp"
    expect_rc 3 "--strict -q, an empty file"
    expect_err "empty\.txt: warning: skipped: empty file" "--strict -q names the empty file"
    printf '%s\n' '{"id":"dup","text":"one"}' '{"id":"dup","text":"two"}' > "$T/in/lines.jsonl"
    run "$CORPUSC" build --strict -q --allow-duplicate-ids "$T/in" -o "$T/x.crp"
    expect_rc 3 "--strict -q"
    expect_err "empty\.txt: warning: skipped: empty file" "--strict -q names the empty file"
    expect_err "lines\.jsonl:2: warning: skipped: duplicate id \"dup\" \(first seen in .*lines\.jsonl:1\)" "--strict -q: duplicate id"
    [ ! -e "$T/x.crp" ] || fail "--strict -q wrote the output"
    run "$CORPUSC" build -q --allow-duplicate-ids "$T/in" -o "$T/x.crp"
    expect_rc 0 "-q"
    expect_err "empty\.txt: warning: skipped: empty file" "-q: a skipped file is still reported"
    expect_err "lines\.jsonl:2: warning: skipped: duplicate id" "-q: a dropped line is still reported"
    ;;
  build_help)
    run "$CORPUSC" build --help
    expect_rc 0 "build --help"
    cp "$T/out" "$T/err"
    expect_err "common parent folder" "help: ids of several inputs"
    expect_err "relative to that folder" "help: ids of one folder"
    expect_err "JSONL article's id is its _id or id" "help: JSONL ids"
    expect_err "allow-duplicate-ids" "help: --allow-duplicate-ids"
    # Every option line (and its continuation) states its default.
    awk '/^Options:/ {on = 1; next} /^$/ {on = 0} on' "$T/out" |
      awk '/^  -/ { if (opt != "" && opt !~ /help|output/ && text !~ /=|default/) print opt; opt = $1; text = $0; next }
           { text = text $0 }
           END { if (opt !~ /help|output/ && text !~ /=|default/) print opt }' > "$T/no-default"
    [ ! -s "$T/no-default" ] || fail "help: options without a default: $(cat "$T/no-default" | tr '\n' ' ')"
    ;;
  *)
    fail "unknown case $CASE"
    ;;
esac
note "$CASE: ok"
