#!/usr/bin/env bash
# Generates the fuzz seed corpora: make_seeds.sh CORPUSC SOURCE_DIR SHARED_DIR OUT_DIR
#   OUT/blob      real blobs: examples/corpus and (if ../shared exists) 12 BBC articles,
#                 small profile, with and without a zstd dictionary
#   OUT/tokenizer real article text, plus multilingual/odd UTF-8 snippets
#   OUT/ingest    reader selector byte + content (see fuzz_ingest.cpp)
#   OUT/query     query strings with every operator
set -euo pipefail
corpusc=$1 src=$2 shared=$3 out=$4
rm -rf "$out"
mkdir -p "$out"/{blob,tokenizer,ingest,query,search_index}
bbc=$shared/corpora/bbc-news

# Blobs: small inputs keep the seeds (and so libFuzzer's max_len) small.
"$corpusc" build -q "$src/examples/corpus" -o "$out/blob/example-small.crp" --profile small --level 3
"$corpusc" build -q "$src/examples/corpus" -o "$out/blob/example-nodict.crp" --profile small --dict-size 0 --level 3
"$corpusc" build -q "$src/examples/corpus/000_487d5624f965fa68.txt" -o "$out/blob/one.crp" --profile small --dict-size 0
if [ -d "$bbc" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for cat in business entertainment politics sport tech; do
    mkdir -p "$tmp/bbc/$cat"
    cp "$bbc/$cat/001.txt" "$bbc/$cat/002.txt" "$tmp/bbc/$cat/"
  done
  cp "$bbc/business/001.txt" "$tmp/bbc/business/copy.txt"  # an exact duplicate
  "$corpusc" build -q "$tmp/bbc" -o "$out/blob/bbc11.crp" --profile small --dict-size 0 --level 3
  "$corpusc" build -q "$tmp/bbc" -o "$out/blob/bbc11-dict.crp" --profile small --dict-size 4096 --level 3
fi

# Tokenizer: real text and the awkward cases of tokenizer.hpp's contract.
i=0
for f in "$src"/examples/corpus/*.txt; do head -c 2000 "$f" > "$out/tokenizer/example$((i++))"; done
printf '%s' "Ça ΆΣΟΣ don't o'neill John’s covid19 3.5 2,000 mp3" > "$out/tokenizer/rules"
printf '%s' "東京都の天気 한국어 текст ἀρχή naïve ﬁance soft­hyphen zwj‍joiner 🙂" > "$out/tokenizer/scripts"
printf 'bad \xff\xfe utf8 \xc3 trunc \xed\xa0\x80 surrogate \xf4\x90\x80\x80 big\0nul' > "$out/tokenizer/invalid"
head -c 300 /dev/zero | tr '\0' 'a' > "$out/tokenizer/long-token"

# Ingest: selector byte 0 text, 1 JSONL, 2 HTML in memory, 3 .html.gz file.
{ printf '\x00'; cat "$src/examples/corpus/002_c7bbc285c53973ec.txt"; } > "$out/ingest/text"
{ printf '\x00'; printf '# Title\r\nbody \xa3 not utf-8\r\n'; } > "$out/ingest/text-latin1"
{ printf '\x01'; printf '%s\n' \
    '{"id":"a1","title":"T","text":"Body one.","date":"2011-07-11T10:00:00Z","url":"http://x/a","tags":["x","y"]}' \
    '{"_id":7,"body":"Body two.","date":1310378400,"tags":"a, b"}' \
    'not json' '{"id":"no-text"}' '[1,2]' '{"id":"d","text":"x","date":"July 11, 2011"}'; } > "$out/ingest/jsonl"
html='<html><head><title>Page</title><meta property="og:title" content="OG title">
<link rel="canonical" href="http://example.com/a"><meta property="article:published_time" content="2020-01-02T03:04:05Z">
<script type="application/ld+json">{"@graph":[{"datePublished":"2020-01-02"}]}</script></head>
<body><nav>Home | News</nav><article itemprop="articleBody"><h1>Head</h1><p>First paragraph of the story, long enough to be main text.</p>
<p>Second paragraph with <b>bold</b> and <a href="/x">a link</a>.</p></article><footer>Copyright</footer></body></html>'
{ printf '\x02'; printf '%s' "$html"; } > "$out/ingest/html"
{ printf '\x03'; printf '%s' "$html" | gzip -9n; } > "$out/ingest/html-gz"
{ printf '\x02'; for _ in $(seq 200); do printf '<div>'; done; printf 'deep'; } > "$out/ingest/html-deep"

# Queries: selector byte (k, sort, operators; see fuzz_query.cpp) + text.
q=0
for text in 'karabakh negotiations' '"foreign ministers"' '+armenia -russia' 'title:moscow' 'negot*' \
            '-only -negative' '"unclosed phrase' '+"a phrase" title:"x y" pre* -' 'Ça naïve 東京'; do
  { printf "\\x$(printf %02x $((q * 29 % 256)))"; printf '%s' "$text"; } > "$out/query/q$((q++))"
done
touch "$out/.stamp"
