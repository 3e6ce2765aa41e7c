"""Unit check of bench/mlqa/metrics.py (run by ctest as mlqa_metrics, or directly)."""
import math
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics  # noqa: E402


class Metrics(unittest.TestCase):
    def test_ndcg_rank_positions(self):
        rel = {"d": 1}
        self.assertEqual(metrics.ndcg_at_k(rel, ["d", "x"], 10), 1.0)
        self.assertAlmostEqual(metrics.ndcg_at_k(rel, ["x", "d"], 10), 1 / math.log2(3))
        self.assertAlmostEqual(metrics.ndcg_at_k(rel, ["x", "y", "d"], 10), 0.5)
        self.assertEqual(metrics.ndcg_at_k(rel, ["x"] * 10 + ["d"], 10), 0.0)

    def test_ndcg_two_relevant_and_repeats(self):
        rel = {"a": 1, "b": 1}
        ideal = 1 + 1 / math.log2(3)
        self.assertAlmostEqual(metrics.ndcg_at_k(rel, ["b", "x", "a"], 10), (1 + 0.5) / ideal)
        self.assertAlmostEqual(metrics.ndcg_at_k(rel, ["a", "a"], 10), 1 / ideal)

    def test_recall(self):
        rel = {"a": 1, "b": 1}
        self.assertEqual(metrics.recall_at_k(rel, ["a", "x"], 10), 0.5)
        self.assertEqual(metrics.recall_at_k(rel, ["x", "b", "a"], 2), 0.5)
        self.assertEqual(metrics.recall_at_k(rel, [], 10), 0.0)

    def test_evaluate_counts_unanswered_queries(self):
        qrels = {"q1": {"a": 1}, "q2": {"b": 1}}
        r = metrics.evaluate(qrels, {"q1": ["a"]}, 10)
        self.assertEqual((r["ndcg"], r["recall"], r["queries"]), (0.5, 0.5, 2))

    def test_load_qrels_skips_header_and_zero_grades(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
            f.write("query-id\tcorpus-id\tscore\nq1\ta\t1\nq1\tb\t0\nq2\tc\t2\n")
        try:
            self.assertEqual(metrics.load_qrels(f.name), {"q1": {"a": 1}, "q2": {"c": 2}})
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    unittest.main()
