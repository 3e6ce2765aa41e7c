#!/usr/bin/env python3
"""Copies an MLQA-R language directory with Vietnamese marks made visible to the
tokenizer, to measure what folding them away costs (bench_scripts --dir OUT).

  vi_marks.py SRC_DIR OUT_DIR tones|all

Each combining mark (after NFD) becomes an ASCII digit inside the word, so the
tokenizer keeps words that differ by it apart: `tones` keeps the five tone marks
(grave, acute, tilde, hook above, dot below), `all` also circumflex, breve and horn.
The tokenizer as is (all marks folded away) is SRC_DIR itself.
"""
import json
import os
import sys
import unicodedata

TONES = {"\u0300": "3", "\u0301": "4", "\u0303": "5", "\u0309": "6", "\u0323": "7"}
SHAPES = {"\u0302": "0", "\u0306": "1", "\u031b": "2"}


def encode(text, marks):
    out = []
    for ch in unicodedata.normalize("NFD", text):
        out.append(marks.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def main():
    src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    marks = dict(TONES) if mode == "tones" else {**TONES, **SHAPES}
    os.makedirs(os.path.join(dst, "qrels"), exist_ok=True)
    for name in ("corpus.jsonl", "queries.jsonl"):
        with open(os.path.join(src, name), encoding="utf-8") as f, \
                open(os.path.join(dst, name), "w", encoding="utf-8") as g:
            for line in f:
                if not line.strip():
                    continue
                j = json.loads(line)
                for key in ("title", "text"):
                    if key in j:
                        j[key] = encode(j[key], marks)
                g.write(json.dumps(j, ensure_ascii=False) + "\n")
    with open(os.path.join(src, "qrels", "test.tsv"), encoding="utf-8") as f, \
            open(os.path.join(dst, "qrels", "test.tsv"), "w", encoding="utf-8") as g:
        g.write(f.read())


if __name__ == "__main__":
    main()
