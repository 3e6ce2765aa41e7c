"""Unit check of the peers' query building in bench/mlqa/peers.py (ctest mlqa_peers)."""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402


class QueryBuilding(unittest.TestCase):
    def test_words_break_at_punctuation_and_keep_marks(self):
        self.assertEqual(peers.query_words("Wofür empfindet \"Vicky\" Verachtung?"),
                         ["Wofür", "empfindet", "Vicky", "Verachtung"])
        self.assertEqual(peers.query_words("किस वर्ष में?"), ["किस", "वर्ष", "में"])  # virama, matras kept
        self.assertEqual(peers.query_words("伊斯兰教？是"), ["伊斯兰教", "是"])

    def test_trigram_pieces_per_word_distinct_lowercase(self):
        self.assertEqual(peers.trigram_pieces(["Wofür", "an"]), ["wof", "ofü", "für"])
        self.assertEqual(peers.trigram_pieces(["伊斯兰教"]), ["伊斯兰", "斯兰教"])
        self.assertEqual(peers.trigram_pieces(["aaaa"]), ["aaa"])

    def test_or_queries(self):
        self.assertEqual(peers.fts5_or_query("unicode61", "a b a"), '"a" OR "b"')
        self.assertEqual(peers.fts5_or_query("trigram", "Stadt?"), '"sta" OR "tad" OR "adt"')
        self.assertEqual(peers.fts5_or_query("trigram", "zu"), "")

    def test_fts5_ranks_the_matching_passage_first(self):
        passages = [("p1", "", "Die Stadt hat viele Einwohner."), ("p2", "", "Der Fluss ist lang."),
                    ("p3", "", "伊斯兰教是主要宗教")]
        questions = [("q1", "Wie viele Einwohner hat die Stadt?"), ("q2", "主要宗教是什么？"), ("q3", "?")]
        for tok in ("unicode61 remove_diacritics 2", "trigram"):
            run = peers.run_fts5(tok, passages, questions, 10)
            self.assertEqual(run["q1"][0], "p1", tok)
            self.assertEqual(run["q3"], [], tok)
        self.assertEqual(peers.run_fts5("trigram", passages, questions, 10)["q2"], ["p3"])
        self.assertTrue(sqlite3.sqlite_version_info >= (3, 34, 0))  # trigram tokenizer


if __name__ == "__main__":
    unittest.main()
