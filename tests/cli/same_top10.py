#!/usr/bin/python3
"""same_top10.py CORPUSC A.crp B.crp QUERIES: exit 1 unless A and B rank every query
alike: the same scores at every rank, and the same ids wherever a score is not tied
with the 10th (ties at the cut are broken by doc id, which editions renumber)."""
import json
import subprocess
import sys

corpusc, a, b, queries = sys.argv[1:5]


def top10(blob, q):
    out = subprocess.run([corpusc, "query", blob, "--json", "-k", "10", "--", q],
                         capture_output=True, text=True, check=False).stdout
    results = json.loads(out)["results"] if out.strip() else []
    return [(r["score"], r["id"]) for r in results]


bad = 0
found = 0
for q in open(queries, encoding="utf-8").read().splitlines():
    ra, rb = top10(a, q), top10(b, q)
    found += len(ra)
    cut = ra[-1][0] if len(ra) == 10 else None
    same = [s for s, _ in ra] == [s for s, _ in rb] and \
        {r for r in ra if r[0] != cut} == {r for r in rb if r[0] != cut}
    if not same:
        bad += 1
        print(f"differs: {q!r}\n  {ra}\n  {rb}", file=sys.stderr)
if found == 0:
    print("no query found anything: nothing was compared", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if bad else 0)
