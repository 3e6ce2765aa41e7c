#!/usr/bin/env python3
"""Normalizes a benchmark corpus to JSONL {"id","title","text"} so that every
system (ours and the peers) builds from the very same bytes and ids.

Input: a folder of CATEGORY/NAME.txt files (line 1 the title, then the body; the
BBC layout; bytes that are not UTF-8 are read as Latin-1, as in sport/199.txt),
or a JSONL file with _id|id, title, text|body.
Usage: prepare_corpus.py INPUT OUT.jsonl
"""
import json
import os
import sys


def read_text(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def from_folder(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".txt") or dirpath == root:
                continue
            path = os.path.join(dirpath, name)
            title, _, body = read_text(path).partition("\n")
            rel = os.path.relpath(path, root)[:-4]
            yield {"id": rel, "title": title.strip(), "text": body.strip()}


def from_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            yield {"id": str(o.get("_id", o.get("id"))), "title": o.get("title", ""),
                   "text": o.get("text", o.get("body", ""))}


def main():
    src, out = sys.argv[1], sys.argv[2]
    rows = from_folder(src) if os.path.isdir(src) else from_jsonl(src)
    seen = set()
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        for r in rows:
            if r["id"] in seen or not r["text"]:
                continue
            seen.add(r["id"])
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
