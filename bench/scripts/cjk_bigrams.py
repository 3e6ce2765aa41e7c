#!/usr/bin/env python3
"""Copies an MLQA-R language directory with character bigrams of CJK runs added as
extra words, to measure option (b) "bigrams indexed beside single characters"
without building it (bench_scripts --dir OUT --rules 0).

  cjk_bigrams.py SRC_DIR OUT_DIR both|bigrams

Each run of ideographs/kana c1 c2 c3 ... becomes "c1 c2 c3 ... B12 B23 ..." where Bij
is an ASCII word naming the pair (its code points in hex), so the index holds both
singles and bigrams (as option (b) would; the bigram words sort after the text, and
ranked any-term queries do not use positions). Queries get the same ("both") or only
their bigrams plus the single characters of one-character runs ("bigrams").
"""
import json
import os
import re
import sys

RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def expand(text, keep_singles):
    def one(m):
        run = m.group(0)
        pairs = ["x%x%x" % (ord(a), ord(b)) for a, b in zip(run, run[1:])]
        if keep_singles or len(run) == 1:
            return " " + run + " " + " ".join(pairs) + " "
        return " " + " ".join(pairs) + " "
    return RUN.sub(one, text)


def main():
    src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(os.path.join(dst, "qrels"), exist_ok=True)
    for name, singles in (("corpus.jsonl", True), ("queries.jsonl", mode == "both")):
        with open(os.path.join(src, name), encoding="utf-8") as f, \
                open(os.path.join(dst, name), "w", encoding="utf-8") as g:
            for line in f:
                if not line.strip():
                    continue
                j = json.loads(line)
                for key in ("title", "text"):
                    if key in j:
                        j[key] = expand(j[key], singles)
                g.write(json.dumps(j, ensure_ascii=False) + "\n")
    with open(os.path.join(src, "qrels", "test.tsv"), encoding="utf-8") as f, \
            open(os.path.join(dst, "qrels", "test.tsv"), "w", encoding="utf-8") as g:
        g.write(f.read())


if __name__ == "__main__":
    main()
