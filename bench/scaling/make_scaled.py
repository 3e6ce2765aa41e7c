#!/usr/bin/env python3
"""Makes an N-times corpus from a normalized one (JSONL id/title/text) for the
scaling run, written under build/bench/ (never committed).

Copy 0 is the corpus itself. Every other copy c varies each article so that it
neither deduplicates nor clusters as a near-duplicate, while keeping the word
statistics of real text:
  * words are swapped within small bands of the frequency ranking (a fixed
    permutation per copy: rank r goes to another rank of its band of 8), so the
    Zipf curve, the compressibility and the posting-list lengths stay alike;
  * rare words (corpus frequency <= 2) get a per-copy suffix, so the vocabulary
    grows with the corpus as it would with new text (Heaps' law, roughly);
  * the paragraphs of the body are rotated by a per-copy amount.
Deterministic: the same input and N give the same bytes.
Usage: make_scaled.py CORPUS.jsonl N OUT.jsonl
"""
import collections
import json
import random
import re
import sys

TOKEN = re.compile(r"[A-Za-z]+")
BAND = 8


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    freq = collections.Counter()
    for d in docs:
        freq.update(w.lower() for w in TOKEN.findall(d["title"] + " " + d["text"]))
    ranked = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]
    rare = {w for w, c in freq.items() if c <= 2}

    def letters(c):
        s = ""
        while True:
            s += "qxzjkvw"[c % 7]
            c //= 7
            if c == 0:
                return s

    with open(out + ".tmp", "w", encoding="utf-8") as f:
        for c in range(n):
            if c == 0:
                mapping = None
            else:
                rng = random.Random(1000003 * c + 17)
                mapping = {}
                for b in range(0, len(ranked), BAND):
                    band = ranked[b:b + BAND]
                    perm = band[:]
                    rng.shuffle(perm)
                    mapping.update(zip(band, perm))
                suffix = letters(c)

            def vary(text):
                if mapping is None:
                    return text

                def sub(m):
                    w = m.group(0)
                    lw = w.lower()
                    r = mapping.get(lw, lw)
                    if lw in rare:
                        r = lw + suffix
                    return r.capitalize() if w[0].isupper() else r
                return TOKEN.sub(sub, text)

            for i, d in enumerate(docs):
                paras = d["text"].split("\n\n")
                if c and len(paras) > 1:
                    k = (c * 7 + i) % len(paras)
                    paras = paras[k:] + paras[:k]
                row = {"id": d["id"] if c == 0 else "c%03d/%s" % (c, d["id"]),
                       "title": vary(d["title"]), "text": vary("\n\n".join(paras))}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    import os
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
