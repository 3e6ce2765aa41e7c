"""The MLQA peers, driven in-process: Xapian (python3-xapian) with the language's Snowball
stemmer (and FLAG_CJK_NGRAM for Chinese), SQLite FTS5 with `unicode61 remove_diacritics 2`,
and SQLite FTS5 `trigram` queried as an OR of the 3-character pieces of each query word.

Each run_* function takes the passages [(id, title, text)], the questions [(id, text)] and k,
and returns {question_id: [passage ids, best first]} (at most k each). Questions are
natural-language text: every peer ranks them as an OR of their words (BM25).
"""
import sqlite3
import unicodedata

# Snowball stemmers in Xapian 1.4 by ISO 639-1 code. Hindi is Snowball 2.2's but not in
# Xapian 1.4: it comes from python3-snowballstemmer (the same generated algorithm) through a
# Xapian StemImplementation. vi and zh have no stemmer anywhere: indexed unstemmed.
XAPIAN_STEMMERS = {"ar": "arabic", "de": "german", "en": "english", "es": "spanish",
                   "fr": "french", "it": "italian", "nl": "dutch", "pt": "portuguese",
                   "ru": "russian", "ne": "nepali", "ta": "tamil", "tr": "turkish"}
SNOWBALL_ONLY_STEMMERS = {"hi": "hindi"}
CJK_LANGUAGES = {"zh", "ja", "ko"}


def query_words(text):
    """Whitespace words with punctuation, symbols and controls turned into breaks."""
    cleaned = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return cleaned.split()


def fts5_phrase(s):
    return '"' + s.replace('"', '""') + '"'


def trigram_pieces(words):
    """Distinct 3-code-point pieces of each word, first seen first (a word under 3 gives none).
    A run of a no-space script is one word, so its pieces are the query's own 3-grams."""
    pieces = []
    for w in words:
        for i in range(len(w) - 2):
            p = w[i:i + 3].lower()
            if p not in pieces:
                pieces.append(p)
    return pieces


def fts5_or_query(tokenizer, text):
    words = query_words(text)
    items = trigram_pieces(words) if tokenizer == "trigram" else list(dict.fromkeys(words))
    return " OR ".join(fts5_phrase(i) for i in items)


def run_fts5(tokenizer, passages, questions, k):
    """tokenizer: 'unicode61 remove_diacritics 2' or 'trigram'. Ranked by FTS5's bm25."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, title, text, tokenize=%s)"
               % fts5_phrase(tokenizer).replace('"', "'"))
    db.executemany("INSERT INTO p(id, title, text) VALUES (?, ?, ?)", passages)
    db.commit()
    run = {}
    for qid, text in questions:
        match = fts5_or_query(tokenizer.split()[0], text)
        if not match:
            run[qid] = []
            continue
        rows = db.execute("SELECT id FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?", (match, k))
        run[qid] = [r[0] for r in rows]
    return run


def xapian_terms_query(tg, text):
    """OR of the terms TermGenerator gives the text: the fallback for a question QueryParser
    refuses (1.4.22 throws "parse error" on some Chinese questions mixing Latin words, with
    FLAG_CJK_NGRAM)."""
    import xapian
    doc = xapian.Document()
    tg.set_document(doc)
    tg.index_text(text)
    terms = [t.term for t in doc.termlist()]
    return xapian.Query(xapian.Query.OP_OR, terms)


def xapian_stem(lang):
    """(xapian.Stem, its name) for lang; ("none") when no Snowball stemmer is at hand."""
    import xapian
    if lang in XAPIAN_STEMMERS:
        return xapian.Stem(XAPIAN_STEMMERS[lang]), XAPIAN_STEMMERS[lang]
    if lang in SNOWBALL_ONLY_STEMMERS:
        try:
            import snowballstemmer  # python3-snowballstemmer (scripts/install-deps.sh --bench)
        except ImportError:
            return xapian.Stem("none"), "none (python3-snowballstemmer missing)"
        name = SNOWBALL_ONLY_STEMMERS[lang]

        class SnowballStem(xapian.StemImplementation):
            def __init__(self):
                xapian.StemImplementation.__init__(self)
                self.stemmer = snowballstemmer.stemmer(name)

            def __call__(self, word):
                return self.stemmer.stemWord(word.decode("utf-8") if isinstance(word, bytes) else word)

            def __str__(self):
                return name + " (python3-snowballstemmer)"

        impl = SnowballStem()
        stem = xapian.Stem(impl)
        stem.implementation = impl  # the Stem holds a raw pointer: keep the Python object alive
        return stem, name + " (python3-snowballstemmer)"
    return xapian.Stem("none"), "none"


def run_xapian(lang, passages, questions, k, stock_cjk=False):
    """In-memory Xapian database, title then text as TermGenerator sees them (BM25).
    For CJK, QueryParser ANDs every n-gram of a run (a whole Chinese question is one run, so
    it needs every character and bigram of the question): by default the question is the OR of
    its TermGenerator n-grams instead, as the other peers OR theirs; stock_cjk keeps QueryParser."""
    import xapian  # python3-xapian (scripts/install-deps.sh --bench)
    stem, _ = xapian_stem(lang)
    cjk = xapian.TermGenerator.FLAG_CJK_NGRAM if lang in CJK_LANGUAGES else 0
    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    tg.set_stemmer(stem)
    tg.set_flags(cjk)
    for pid, title, text in passages:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(title)
        tg.increase_termpos()
        tg.index_text(text)
        doc.add_value(0, pid)
        db.add_document(doc)
    qp = xapian.QueryParser()
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_OR)
    flags = xapian.QueryParser.FLAG_CJK_NGRAM if cjk else 0  # plain text: no operators
    enquire = xapian.Enquire(db)
    run = {}
    for qid, text in questions:
        try:
            query = xapian_terms_query(tg, text) if cjk and not stock_cjk else qp.parse_query(text, flags)
        except xapian.QueryParserError:
            query = xapian_terms_query(tg, text)
        enquire.set_query(query)
        run[qid] = [m.document.get_value(0).decode("utf-8") for m in enquire.get_mset(0, k)]
    return run
