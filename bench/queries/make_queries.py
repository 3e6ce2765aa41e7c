#!/usr/bin/env python3
"""Deterministic benchmark queries from a corpus (normalized JSONL: id, title, text).

Output: one query a line, "KIND<TAB>QUERY", in the query language every harness
translates (bench/peers/query_file.hpp): bare words, "quoted phrases", and word*
prefixes. Kinds: title (2-4 content words of a title), one/two/three (terms from
the corpus vocabulary, drawn by document frequency band or co-occurring in one
article), phrase (two adjacent content words of a body), prefix (a word's first
4-5 letters), mixed (a phrase and a term).

Words are plain ASCII [a-z]{3,} so that every system tokenizes them alike. The
same corpus and seed always give the same file (random.Random with a fixed seed).
Usage: make_queries.py CORPUS.jsonl OUT.tsv [--count N]
"""
import argparse
import collections
import json
import random
import re

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# Common English function words: never used as query terms (peers keep stop
# words, ours may not; such terms would only measure that difference).
STOP = set("""a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down
during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves said says say mr mrs ms one two
new year years last first told also still may might must much many well get got make
made back like just even""".split())


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def content(ws):
    return [w for w in ws if w not in STOP and len(w) >= 3 and w.isascii() and "'" not in w]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=500, help="about this many queries")
    ap.add_argument("--seed", type=int, default=20240611)
    a = ap.parse_args()
    rng = random.Random(a.seed)

    docs = []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            docs.append((o.get("title", ""), o.get("text", "")))
    df = collections.Counter()
    for title, text in docs:
        df.update(set(content(words(title + " " + text))))
    n = len(docs)
    # Vocabulary bands by document frequency (fractions of the corpus).
    bands = {"rare": [], "mid": [], "common": []}
    for w, c in sorted(df.items()):
        if 2 <= c <= max(3, n // 200):
            bands["rare"].append(w)
        elif n // 200 < c <= n // 20:
            bands["mid"].append(w)
        elif n // 20 < c <= n // 2:
            bands["common"].append(w)

    share = {"title": 0.24, "one": 0.18, "two": 0.18, "three": 0.12, "phrase": 0.12,
             "prefix": 0.08, "mixed": 0.08}
    want = {k: max(1, round(v * a.count)) for k, v in share.items()}
    out, seen = [], set()

    def emit(kind, q):
        if q and q not in seen:
            seen.add(q)
            out.append((kind, q))
            return True
        return False

    def fill(kind, make):
        got, tries = 0, 0
        while got < want[kind] and tries < 50 * want[kind]:
            tries += 1
            if emit(kind, make()):
                got += 1

    def doc_terms():
        title, text = docs[rng.randrange(n)]
        return content(words(title + " " + text))

    def title_query():
        ws = list(dict.fromkeys(content(words(docs[rng.randrange(n)][0]))))
        if len(ws) < 2:
            return None
        k = min(len(ws), rng.choice([2, 3, 3, 4]))
        return " ".join(ws[:k])

    def one():
        band = bands[rng.choice(["rare", "mid", "mid", "common"])]
        return rng.choice(band) if band else None

    def cooccurring(k):
        ws = sorted(set(t for t in doc_terms() if df[t] >= 2))
        return " ".join(rng.sample(ws, k)) if len(ws) >= k else None

    def phrase_words():
        ws = words(docs[rng.randrange(n)][1])
        for _ in range(20):
            if len(ws) < 2:
                return None
            i = rng.randrange(len(ws) - 1)
            pair = ws[i:i + 2]
            if content(pair) == pair:
                return " ".join(pair)
        return None

    def phrase():
        p = phrase_words()
        return '"%s"' % p if p else None

    def prefix():
        band = bands["mid"] + bands["common"]
        w = rng.choice(band) if band else None
        if not w or len(w) < 6:
            return None
        return w[:rng.choice([4, 5])] + "*"

    def mixed():
        p, t = phrase_words(), one()
        return '"%s" %s' % (p, t) if p and t else None

    fill("title", title_query)
    fill("one", one)
    fill("two", lambda: cooccurring(2))
    fill("three", lambda: cooccurring(3))
    fill("phrase", phrase)
    fill("prefix", prefix)
    fill("mixed", mixed)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# kind<TAB>query; made by bench/queries/make_queries.py (seed %d) from %d articles\n"
                % (a.seed, n))
        for kind, q in out:
            f.write("%s\t%s\n" % (kind, q))


if __name__ == "__main__":
    main()
