#!/usr/bin/env bash
# Languages through the CLI (issue 12): build --language (auto, a code, a region, an
# unknown code: exit 2), per-article JSONL lang and HTML lang (an unknown one warned
# once per code, the article kept and detected), the fingerprint covers --language,
# cat --json and query --json show each article's language, query --language and
# lang: work, inspect lists the languages.
# Usage: languages.sh CORPUSC
source "$(dirname "$0")/testlib.sh"
CORPUSC=$1
make_temp_dir
mkdir -p "$T/in" "$T/plain"
cat > "$T/in/news.jsonl" <<'JSONL'
{"id":"de1","lang":"de","title":"Verhandlungen in Berlin","text":"Die Verhandlungen zwischen den Parteien dauerten die ganze Nacht."}
{"id":"fr1","lang":"fr-CA","title":"Négociations à Paris","text":"Les négociations entre les syndicats et le gouvernement ont duré toute la nuit."}
{"id":"it1","language":"it","title":"Trattative a Roma","text":"Le trattative tra i sindacati e il governo sono durate tutta la notte."}
{"id":"ru1","lang":"klingon","title":"Переговоры","text":"Переговоры между сторонами продолжались всю ночь, и правительство с профсоюзами договорились."}
{"id":"ru2","lang":"klingon","title":"Ещё","text":"Стороны договорились о переговорах."}
JSONL
printf '<html><head><meta http-equiv="Content-Language" content="ca, en"><title>Noticias</title></head><body><p>Las negociaciones con el sindicato no han terminado y el gobierno espera una decisión.</p></body></html>\n' > "$T/in/es.html"
printf '<html lang="pt-BR"><head><title>Negociações</title></head><body><p>As negociações com o sindicato não terminaram e o governo espera uma decisão.</p></body></html>\n' > "$T/in/pt.html"

run "$CORPUSC" build -q "$T/in" -o "$T/m.crp"
expect_rc 0 "mixed build"
[ "$(grep -c 'unknown language code "klingon"' "$T/err")" -eq 1 ] || fail "an unknown code is warned about once: $(cat "$T/err")"

run "$CORPUSC" cat "$T/m.crp" de1 --json
grep -q '"language": "de"' "$T/out" || fail "cat --json shows the language: $(cat "$T/out")"
run "$CORPUSC" cat "$T/m.crp" fr1 --json
grep -q '"language": "fr"' "$T/out" || fail "fr-CA is read as fr"
run "$CORPUSC" cat "$T/m.crp" ru1 --json
grep -q '"language": "ru"' "$T/out" || fail "an unknown code falls back to detection: $(cat "$T/out")"
run "$CORPUSC" cat "$T/m.crp" pt.html --json
grep -q '"language": "pt"' "$T/out" || fail "HTML lang=pt-BR is pt"
run "$CORPUSC" cat "$T/m.crp" es.html --json
grep -q '"language": "ca"' "$T/out" || fail "content-language \"ca, en\" is ca (stated, not detected)"

run "$CORPUSC" query "$T/m.crp" Verhandlung --json
expect_rc 0 "query Verhandlung"
grep -q '"id":"de1","language":"de"' "$T/out" || fail "Verhandlung finds Verhandlungen: $(cat "$T/out")"
run "$CORPUSC" query "$T/m.crp" переговоров --json
grep -q '"id":"ru1"' "$T/out" || fail "переговоров finds переговоры: $(cat "$T/out")"
run "$CORPUSC" query "$T/m.crp" Verhandlung --language de --json
grep -q '"id":"de1"' "$T/out" || fail "query --language de"
run "$CORPUSC" query "$T/m.crp" "lang:it governo gouvernement" --json
grep -q '"id":"it1"' "$T/out" || fail "lang:it keeps the Italian article"
grep -q '"id":"fr1"' "$T/out" && fail "lang:it leaves the French article out"
run "$CORPUSC" query "$T/m.crp" "governo gouvernement" --language-filter fr --json
grep -q '"id":"fr1"' "$T/out" || fail "--language-filter fr"
grep -q '"id":"it1"' "$T/out" && fail "--language-filter fr leaves it1 out"
run "$CORPUSC" query "$T/m.crp" Verhandlung --language xx
expect_rc 2 "query --language xx"
expect_err "unknown language code 'xx'" "query --language xx"
run "$CORPUSC" query "$T/m.crp" "lang:xx Verhandlung"
expect_rc 2 "lang:xx"

run "$CORPUSC" inspect "$T/m.crp"
grep -qE '^languages: .*de 1' "$T/out" || fail "inspect lists the languages: $(cat "$T/out")"
grep -q 'stemming each article in its language' "$T/out" || fail "inspect names the stemming"
run "$CORPUSC" inspect "$T/m.crp" --json
grep -q '"article_languages"' "$T/out" || fail "inspect --json has the per-article section"
grep -qE '"index.languages": *[1-9]' "$T/out" || fail "inspect --json counts the per-language statistics: $(cat "$T/out")"

printf 'Talks\n\nThe negotiations lasted all night and the ministers said nothing about the outcome.\n' > "$T/plain/a.txt"
run "$CORPUSC" build -q "$T/plain" -o "$T/auto.crp"
expect_rc 0 "auto build"
run "$CORPUSC" build -q "$T/plain" -o "$T/de.crp" --language de-DE
expect_rc 0 "--language de-DE"
run "$CORPUSC" cat "$T/de.crp" a.txt --json
grep -q '"language": "de"' "$T/out" || fail "--language sets the articles that state none"
fp() { "$CORPUSC" inspect "$1" --json | grep '"fingerprint"'; }
[ "$(fp "$T/auto.crp")" != "$(fp "$T/de.crp")" ] || fail "the fingerprint covers --language"
run "$CORPUSC" build -q "$T/plain" -o "$T/x.crp" --language xx
expect_rc 2 "--language xx"
expect_err "unknown language code 'xx'" "--language xx"
[ ! -e "$T/x.crp" ] || fail "--language xx writes nothing"
echo "languages: ok"
