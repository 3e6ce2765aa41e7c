#!/usr/bin/python3
"""Lists the MLQA questions a peer ranks better than ours (the relevant passage higher up
its top-10), to read what ours misses:
  bench/mlqa/misses.py CORPUSC --language zh [--peer xapian|fts5_trigram|fts5] [--list 20]
  bench/mlqa/misses.py CORPUSC --language ar --ours-only   # ours' figures alone (fast loop)
Ours is asked as bench/run --mlqa asks it (same blob, same flags); the blob is rebuilt
only when missing from --work. Prints per question: ours' rank, the peer's rank (11 =
not in the top-10), the question; then both systems' nDCG@10 and Recall@10."""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import metrics  # noqa: E402
import mlqa  # noqa: E402
import peers  # noqa: E402


def rank_of(relevant, ranked):
    for i, pid in enumerate(ranked[:mlqa.K]):
        if pid in relevant:
            return i + 1
    return mlqa.K + 1


def run_peer(name, lang, data):
    if name == "xapian":
        return peers.run_xapian(lang, data["passages"], data["questions"], mlqa.K)
    tokenizer = "trigram" if name == "fts5_trigram" else "unicode61 remove_diacritics 2"
    return peers.run_fts5(tokenizer, data["passages"], data["questions"], mlqa.K)


def run_ours(corpusc, work, lang, data):
    blob = os.path.join(work, "ours-%s.crp" % lang)
    questions = os.path.join(work, "questions-%s.jsonl" % lang)
    os.makedirs(work, exist_ok=True)
    mlqa.write_questions(questions, data["questions"])
    if not os.path.exists(blob):
        mlqa.corpusc_build(corpusc, [os.path.join(data["dir"], "corpus.jsonl")], blob, lang)
    return mlqa.corpusc_query(corpusc, blob, questions, lang)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpusc")
    ap.add_argument("--language", required=True)
    ap.add_argument("--peer", default="xapian")
    ap.add_argument("--list", type=int, default=20)
    ap.add_argument("--ours-only", action="store_true")
    ap.add_argument("--mlqa-dir", default=os.path.join(ROOT, "..", "shared", "corpora", "mlqa-r"))
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench", "work", "mlqa"))
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.mlqa_dir, a.language)):
        print("SKIP: no MLQA corpus at %s" % a.mlqa_dir)
        return 77
    data = mlqa.load_language(a.mlqa_dir, a.language)
    ours = run_ours(os.path.abspath(a.corpusc), a.work, a.language, data)
    res = metrics.evaluate(data["qrels"], ours, mlqa.K)
    print("%s ours nDCG@10 %.4f R@10 %.4f" % (a.language, res["ndcg"], res["recall"]))
    if a.ours_only:
        return 0
    peer = run_peer(a.peer, a.language, data)
    text = dict(data["questions"])
    rows = []
    for qid, relevant in data["qrels"].items():
        r_ours, r_peer = rank_of(relevant, ours.get(qid, [])), rank_of(relevant, peer.get(qid, []))
        if r_peer < r_ours:
            rows.append((r_peer - r_ours, r_ours, r_peer, text.get(qid, "")))
    rows.sort()
    for _, r_ours, r_peer, q in rows[:a.list]:
        print("ours %2d  %s %2d  %s" % (r_ours, a.peer, r_peer, q))
    worse = sum(1 for r in rows)
    better = sum(1 for qid, rel in data["qrels"].items()
                 if rank_of(rel, ours.get(qid, [])) < rank_of(rel, peer.get(qid, [])))
    pres = metrics.evaluate(data["qrels"], peer, mlqa.K)
    print("%s %s nDCG@10 %.4f R@10 %.4f; questions the peer ranks better: %d, ours better: %d"
          % (a.language, a.peer, pres["ndcg"], pres["recall"], worse, better))
    return 0


if __name__ == "__main__":
    sys.exit(main())
