#!/usr/bin/python3
"""Runs bench/mlqa on its own, with a corpusc already built:
  bench/mlqa/run_mlqa.py CORPUSC [--bench-language EXE] [--languages de,zh] [--work DIR] [--out DIR]
  bench/mlqa/run_mlqa.py CORPUSC --mixed-only   # only the mixed-language section (no peers needed)
(bench/run --mlqa builds the tools first and calls the same code.)"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import mlqa  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("corpusc")
ap.add_argument("--bench-language")
ap.add_argument("--languages")
ap.add_argument("--mixed-only", action="store_true", help="re-run only the mixed-language section")
ap.add_argument("--mlqa-dir", default=os.path.join(ROOT, "..", "shared", "corpora", "mlqa-r"))
ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench", "work", "mlqa"))
ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
a = ap.parse_args()
if a.mixed_only:
    sys.exit(mlqa.main_mixed(os.path.abspath(a.corpusc), a.mlqa_dir, a.work, a.out,
                             "bench/mlqa/run_mlqa.py %s --mixed-only" % a.corpusc))
sys.exit(mlqa.main(os.path.abspath(a.corpusc), a.mlqa_dir, a.work, a.out, a.bench_language,
                   a.languages.split(",") if a.languages else None))
