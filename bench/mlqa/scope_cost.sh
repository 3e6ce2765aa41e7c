#!/usr/bin/env bash
# Cost of per-language statistics (search/language_scope.hpp) under callgrind: each of
# de/en/es's MLQA questions asked with `--language L --language-filter L` of the mixed
# de+en+es blob built by CORPUSC (format 1.4: language statistics, df counted over the
# postings) and of the same blob built by OLD_CORPUSC (format 1.3: the whole blob's
# statistics), both queried by CORPUSC; also unfiltered. Instructions per question:
# (batch run - run of an empty batch) / questions. Prints a markdown table.
#
# Usage: bench/mlqa/scope_cost.sh CORPUSC OLD_CORPUSC   (OLD_CORPUSC: e.g. main before the change)
# Env:   WORK (default build/bench/work/mlqa-cost), MLQA_DIR (default ../shared/corpora/mlqa-r)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpusc="$(realpath "$1")" old="$(realpath "$2")"
mlqa="${MLQA_DIR:-$(cd "$root/.." && pwd)/shared/corpora/mlqa-r}"
work="${WORK:-$root/build/bench/work/mlqa-cost}"
[ -d "$mlqa/de" ] || { echo "SKIP: no MLQA corpus at $mlqa"; exit 0; }
mkdir -p "$work"
python3 - "$mlqa" "$work" <<'EOF'
import json, os, sys
mlqa, work = sys.argv[1:]
for lang in ["de", "en", "es"]:
    with open(os.path.join(work, "%s.jsonl" % lang), "w", encoding="utf-8") as out:
        for line in open(os.path.join(mlqa, lang, "corpus.jsonl"), encoding="utf-8"):
            r = json.loads(line)
            out.write(json.dumps({"_id": lang + "/" + r["_id"], "title": r.get("title", ""),
                                  "text": r["text"], "lang": lang}, ensure_ascii=False) + "\n")
    with open(os.path.join(work, "questions-%s.jsonl" % lang), "w", encoding="utf-8") as out:
        for line in open(os.path.join(mlqa, lang, "queries.jsonl"), encoding="utf-8"):
            r = json.loads(line)
            out.write(json.dumps({"_id": r["_id"], "text": r["text"]}, ensure_ascii=False) + "\n")
EOF
: > "$work/empty.jsonl"
"$corpusc" build -q -o "$work/mixed-1.4.crp" "$work"/de.jsonl "$work"/en.jsonl "$work"/es.jsonl
"$old" build -q -o "$work/mixed-1.3.crp" "$work"/de.jsonl "$work"/en.jsonl "$work"/es.jsonl

# instructions BLOB QUESTIONS [ARGS...]: total Ir of one batch run under callgrind.
instructions() {
  local blob="$1" questions="$2"
  shift 2
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$corpusc" query "$blob" --queries "$questions" \
    --json --plain --no-snippets -k 10 "$@" 2>&1 >/dev/null | awk '/Collected :/ {print $4}'
}

echo "| questions | blob | filtered: instructions / question | unfiltered |"
echo "|---|---|---:|---:|"
for lang in de en es; do
  n=$(wc -l < "$work/questions-$lang.jsonl")
  for v in 1.3 1.4; do
    blob="$work/mixed-$v.crp"
    base=$(instructions "$blob" "$work/empty.jsonl" --language "$lang")
    f=$(instructions "$blob" "$work/questions-$lang.jsonl" --language "$lang" --language-filter "$lang")
    u=$(instructions "$blob" "$work/questions-$lang.jsonl" --language "$lang")
    echo "| $lang ($n) | format $v | $(( (f - base) / n )) | $(( (u - base) / n )) |"
  done
done
