#!/usr/bin/env python3
"""Typo'd benchmark queries for bench/typos (deterministic: fixed seed).

bbc:     400 one- and two-word queries from BBC News titles (content words of the
         title, [a-z]{3,}, not a stop word; at least one word of 5+ letters), with
         one random edit in every word of 5+ letters: delete, insert, substitute or
         swap two adjacent letters, each equally likely. Lines: CLEAN<TAB>TYPO.
scifact: every SciFact test claim (qrels/test.tsv) with the same edit in every
         word of 5+ letters. Lines: QID<TAB>CLEAN<TAB>TYPO.
Usage: make_typo_queries.py SHARED_DIR OUT_DIR
"""
import json
import os
import random
import re
import sys

SEED = 20261202
WORD = re.compile(r"[A-Za-z]+")
STOP = set("""a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down
during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves says said new""".split())
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(word, rng):
    """One random edit of word (5+ letters); never returns the word itself."""
    while True:
        kind = rng.randrange(4)
        i = rng.randrange(len(word))
        if kind == 0:
            out = word[:i] + word[i + 1:]
        elif kind == 1:
            out = word[:i] + rng.choice(LETTERS) + word[i:]
        elif kind == 2:
            out = word[:i] + rng.choice(LETTERS.replace(word[i].lower(), "")) + word[i + 1:]
        else:
            if i + 1 >= len(word) or word[i] == word[i + 1]:
                continue
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if out.lower() != word.lower():
            return out


def typo_text(text, rng):
    return WORD.sub(lambda m: typo(m.group(0), rng) if len(m.group(0)) >= 5 else m.group(0), text)


def bbc_titles(shared):
    root = os.path.join(shared, "corpora", "bbc-news")
    titles = []
    for topic in sorted(os.listdir(root)):
        folder = os.path.join(root, topic)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                titles.append(f.readline().decode("utf-8", "replace").strip())
    return titles


def bbc_queries(shared, rng, count=400):
    titles = bbc_titles(shared)
    order = list(range(len(titles)))
    rng.shuffle(order)
    rows = []
    for i in order:
        words = [w.lower() for w in WORD.findall(titles[i]) if len(w) >= 3 and w.lower() not in STOP]
        want = 1 + len(rows) % 2
        for start in range(len(words) - want + 1):
            pick = words[start:start + want]
            if any(len(w) >= 5 for w in pick):
                clean = " ".join(pick)
                rows.append((clean, typo_text(clean, rng)))
                break
        if len(rows) == count:
            break
    return rows


def scifact_queries(shared, rng):
    base = os.path.join(shared, "corpora", "beir-scifact")
    test = set()
    with open(os.path.join(base, "qrels", "test.tsv")) as f:
        next(f)
        for line in f:
            test.add(line.split()[0])
    rows = []
    with open(os.path.join(base, "queries.jsonl")) as f:
        for line in f:
            j = json.loads(line)
            if j["_id"] in test:
                rows.append((j["_id"], j["text"], typo_text(j["text"], rng)))
    return sorted(rows, key=lambda r: int(r[0]))


def main():
    shared, out = sys.argv[1], sys.argv[2]
    rng = random.Random(SEED)
    with open(os.path.join(out, "bbc_typos.tsv"), "w") as f:
        for clean, typod in bbc_queries(shared, rng):
            f.write(f"{clean}\t{typod}\n")
    with open(os.path.join(out, "scifact_typos.tsv"), "w") as f:
        for qid, clean, typod in scifact_queries(shared, rng):
            f.write(f"{qid}\t{clean.replace(chr(9), ' ')}\t{typod.replace(chr(9), ' ')}\n")


if __name__ == "__main__":
    main()
