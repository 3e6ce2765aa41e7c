"""Retrieval metrics for the MLQA benchmark: binary-relevance nDCG@k and Recall@k.

qrels: {query_id: {doc_id: grade}} (grade > 0 is relevant); run: {query_id: [doc_id, ...]}
ranked best first. Every query of qrels counts: one missing from run, or with no relevant
document in its top k, scores 0 (so a system cannot gain by not answering).
"""
import csv
import math


def load_qrels(path):
    """BEIR qrels TSV (query-id, corpus-id, score; an optional header line)."""
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 3 or row[0] == "query-id":
                continue
            if int(row[2]) > 0:
                qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    return qrels


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(relevant, ranked, k):
    """nDCG@k of one query: graded gains of ranked[:k] over the ideal ordering."""
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    seen = set()
    gains = []
    for doc in ranked[:k]:
        gains.append(relevant.get(doc, 0) if doc not in seen else 0)  # a repeat earns nothing
        seen.add(doc)
    return dcg(gains) / ideal


def recall_at_k(relevant, ranked, k):
    """Share of the query's relevant documents found in ranked[:k]."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def evaluate(qrels, run, k=10):
    """Mean nDCG@k and Recall@k over every query of qrels."""
    if not qrels:
        return {"ndcg": 0.0, "recall": 0.0, "queries": 0}
    nd = sum(ndcg_at_k(rel, run.get(q, []), k) for q, rel in qrels.items())
    rc = sum(recall_at_k(rel, run.get(q, []), k) for q, rel in qrels.items())
    return {"ndcg": nd / len(qrels), "recall": rc / len(qrels), "queries": len(qrels)}
