"""MLQA retrieval benchmark (bench/run --mlqa): ours, Xapian and SQLite FTS5 side by side on
../shared/corpora/mlqa-r (7 languages, every question, top-10, nDCG@10 and Recall@10), a
mixed-language blob, and language detection; writes bench/results/multilingual.{md,json}.

Ours is `corpusc build` of one language's passages and `corpusc query --queries --json
--plain` (batch mode). `--language CODE` is passed to build and query when this corpusc's
--help lists it; without it the table says so and the mixed-language check is skipped.
"""
import json
import os
import subprocess
import time

import metrics
import peers
import report_mlqa

LANGUAGES = ["ar", "de", "en", "es", "hi", "vi", "zh"]
MIXED = ["de", "en", "es"]  # the three MLQA languages with the most passages
K = 10


def log(msg):
    print("[mlqa] " + msg, flush=True)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def clean_question(text):
    """MLQA's questions hold 135 literal backslash-n pairs (ar 19, de 4, es 1, hi 106, zh 5;
    an escaping slip in the dataset, never in its passages), which every system would
    read as a word "n": each system is asked the question with them as spaces."""
    return text.replace("\\n", " ").strip()


def load_language(mlqa_dir, lang):
    d = os.path.join(mlqa_dir, lang)
    passages = [(p["_id"], p.get("title", ""), p["text"]) for p in read_jsonl(os.path.join(d, "corpus.jsonl"))]
    questions = [(q["_id"], clean_question(q["text"])) for q in read_jsonl(os.path.join(d, "queries.jsonl"))]
    return {"passages": passages, "questions": questions,
            "qrels": metrics.load_qrels(os.path.join(d, "qrels", "test.tsv")), "dir": d}


def help_has(corpusc, command, flag):
    r = subprocess.run([corpusc, command, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    return flag in r.stdout


def write_jsonl(path, passages, lang=None):
    """With lang: each passage gets a `lang` field and the id LANG/ID (MLQA repeats some
    contexts verbatim across languages, and a blob's ids are unique)."""
    with open(path, "w", encoding="utf-8") as f:
        for pid, title, text in passages:
            row = {"_id": "%s/%s" % (lang, pid) if lang else pid, "title": title, "text": text}
            if lang:
                row["lang"] = lang
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_questions(path, questions):
    with open(path, "w", encoding="utf-8") as f:
        for qid, text in questions:
            f.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")


def corpusc_build(corpusc, inputs, blob, language=None):
    cmd = [corpusc, "build", "-q", "-o", blob] + inputs
    if language:
        cmd += ["--language", language]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return os.path.getsize(blob)


def corpusc_query(corpusc, blob, questions_file, language=None, language_filter=None):
    """Batch mode: one JSON line per question, {"id", "results": [ids]} (or "error")."""
    cmd = [corpusc, "query", blob, "--queries", questions_file, "--json", "--plain", "--no-snippets",
           "-k", str(K)]
    if language:
        cmd += ["--language", language]
    if language_filter:
        cmd += ["--language-filter", language_filter]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 3):  # 3: some line answered with an "error" (scored 0)
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr[-1500:]))
    run = {}
    for line in r.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            run[row["id"]] = row.get("results", [])
    return run


def timed(fn, *args):
    t0 = time.monotonic()
    out = fn(*args)
    return out, time.monotonic() - t0


def run_ours(ctx, lang, data):
    work = ctx["work"]
    blob = os.path.join(work, "ours-%s.crp" % lang)
    questions = os.path.join(work, "questions-%s.jsonl" % lang)
    write_questions(questions, data["questions"])
    language = lang if ctx["build_language"] else None
    t0 = time.monotonic()
    size = corpusc_build(ctx["corpusc"], [os.path.join(data["dir"], "corpus.jsonl")], blob, language)
    build_s = time.monotonic() - t0
    run, query_s = timed(corpusc_query, ctx["corpusc"], blob,
                         questions, lang if ctx["query_language"] else None)
    return run, {"bytes": size, "build_s": build_s, "query_s": query_s}


def run_language(ctx, lang):
    data = load_language(ctx["mlqa_dir"], lang)
    row = {"passages": len(data["passages"]), "questions": len(data["questions"]), "systems": {}}
    systems = [("ours", lambda: run_ours(ctx, lang, data)),
               ("xapian", lambda: (peers.run_xapian(lang, data["passages"], data["questions"], K), {})),
               ("xapian_stock_cjk", lambda: (peers.run_xapian(lang, data["passages"], data["questions"], K,
                                                               stock_cjk=True), {})),
               ("fts5", lambda: (peers.run_fts5("unicode61 remove_diacritics 2", data["passages"],
                                                data["questions"], K), {})),
               ("fts5_trigram", lambda: (peers.run_fts5("trigram", data["passages"], data["questions"], K), {}))]
    for name, fn in systems:
        if name == "xapian_stock_cjk" and lang not in peers.CJK_LANGUAGES:
            continue
        t0 = time.monotonic()
        try:
            run, extra = fn()
        except Exception as e:  # noqa: BLE001  (a peer that cannot run is reported, not fatal)
            log("%s %s: %s" % (lang, name, e))
            row["systems"][name] = {"error": str(e)}
            continue
        res = metrics.evaluate(data["qrels"], run, K)
        res.update(extra)
        res["seconds"] = time.monotonic() - t0
        row["systems"][name] = res
        log("%s %-12s nDCG@10 %.4f  R@10 %.4f" % (lang, name, res["ndcg"], res["recall"]))
    return row


def run_mixed(ctx, alone):
    """One blob of MIXED's passages (JSONL `lang` per passage); each language's questions with
    --language and --language-filter (a kiosk in that UI language), against that language's
    blob built alone; also with --language only (every language's articles answer)."""
    if not ctx["query_language"]:
        return {"skipped": "corpusc query has no --language on this build"}
    work = ctx["work"]
    inputs = []
    for lang in MIXED:
        data = load_language(ctx["mlqa_dir"], lang)
        path = os.path.join(work, "mixed-input", "%s.jsonl" % lang)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_jsonl(path, data["passages"], lang)
        inputs.append(path)
    blob = os.path.join(work, "mixed-%s.crp" % "-".join(MIXED))
    size = corpusc_build(ctx["corpusc"], inputs, blob)
    out = {"languages": MIXED, "bytes": size, "rows": {}}
    for lang in MIXED:
        data = load_language(ctx["mlqa_dir"], lang)
        questions = os.path.join(work, "questions-%s.jsonl" % lang)
        prefix = lang + "/"  # another language's passage keeps its prefix: never relevant

        def scored(run):
            run = {q: [d[len(prefix):] if d.startswith(prefix) else d for d in ids] for q, ids in run.items()}
            return metrics.evaluate(data["qrels"], run, K)
        res = scored(corpusc_query(ctx["corpusc"], blob, questions, lang, lang))
        res["unfiltered_ndcg"] = scored(corpusc_query(ctx["corpusc"], blob, questions, lang))["ndcg"]
        res["alone_ndcg"] = alone[lang]["systems"]["ours"]["ndcg"]
        res["alone_recall"] = alone[lang]["systems"]["ours"]["recall"]
        out["rows"][lang] = res
        log("mixed %s nDCG@10 %.4f (alone %.4f)" % (lang, res["ndcg"], res["alone_ndcg"]))
    return out


def language_detection(bench_language, mlqa_dir, results_dir):
    """bench_language's per-language table, also written to language-detection.md."""
    if not bench_language or not os.path.exists(bench_language):
        return None
    r = subprocess.run([bench_language, mlqa_dir], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        log("bench_language failed: " + r.stderr[-500:])
        return None
    with open(os.path.join(results_dir, "language-detection.md"), "w", encoding="utf-8") as f:
        f.write(r.stdout)
    return r.stdout


def make_context(corpusc, mlqa_dir, work):
    """What every run shares, or None (logged) when the corpus is absent."""
    os.makedirs(work, exist_ok=True)
    if not os.path.isdir(os.path.join(mlqa_dir, "de")):
        log("SKIP: no MLQA corpus at %s (needs ../shared)" % mlqa_dir)
        return None
    return {"corpusc": corpusc, "mlqa_dir": mlqa_dir, "work": work,
            "build_language": help_has(corpusc, "build", "--language"),
            "query_language": help_has(corpusc, "query", "--language")}


def main_mixed(corpusc, mlqa_dir, work, results_dir, command):
    """Only the mixed-language section: ours alone on MIXED's languages (no peers) and the
    mixed blob; replaces that section of multilingual.md and its key in multilingual.json."""
    ctx = make_context(corpusc, mlqa_dir, work)
    if ctx is None:
        return 77
    alone = {}
    for lang in MIXED:
        data = load_language(mlqa_dir, lang)
        run, extra = run_ours(ctx, lang, data)
        res = metrics.evaluate(data["qrels"], run, K)
        res.update(extra)
        alone[lang] = {"systems": {"ours": res}}
        log("%s ours alone nDCG@10 %.4f  R@10 %.4f" % (lang, res["ndcg"], res["recall"]))
    report_mlqa.update_mixed(run_mixed(ctx, alone), results_dir, command)
    log("mixed section updated: %s" % os.path.join(results_dir, "multilingual.md"))
    return 0


def main(corpusc, mlqa_dir, work, results_dir, bench_language=None, languages=None):
    ctx = make_context(corpusc, mlqa_dir, work)
    if ctx is None:
        return 77
    t0 = time.monotonic()
    R = {"k": K, "flags": {"build --language": ctx["build_language"], "query --language": ctx["query_language"]},
         "languages": {}}
    for lang in languages or LANGUAGES:
        R["languages"][lang] = run_language(ctx, lang)
    try:
        R["mixed"] = run_mixed(ctx, R["languages"]) if all(m in R["languages"] for m in MIXED) else {
            "skipped": "not every mixed language was run"}
    except Exception as e:  # noqa: BLE001  (reported in the table, the rest of the run stands)
        log("mixed: %s" % e)
        R["mixed"] = {"skipped": "the mixed-language run failed: %s" % e}
    R["detection"] = language_detection(bench_language, mlqa_dir, results_dir)
    R["elapsed_s"] = time.monotonic() - t0
    report_mlqa.write(R, results_dir)
    log("done in %.0f s: %s" % (R["elapsed_s"], os.path.join(results_dir, "multilingual.md")))
    return 0
