#!/usr/bin/python3
"""section_patches.py CORPUSC BASE.crp NEW.crp: `zstd -19 --patch-from` bytes of each
big byte section of NEW against the same section of BASE (bench/results/updates.md,
"where the patch goes"); prints name, bytes, patch bytes (0: identical). A section is
found as the first byte vector whose 32-bit length prefix equals the size `corpusc
inspect --json` reports and that fits in the file; only sections that are one byte
vector can be found so (inspect sums index.terms and index.forms over two vectors)."""
import json
import os
import struct
import subprocess
import sys
import tempfile

SECTIONS = ["frame_data", "index.postings", "index.positions"]


def sections(corpusc, path):
    sizes = json.loads(subprocess.run([corpusc, "inspect", "--json", path], capture_output=True, text=True,
                                      check=True).stdout)["sections"]
    data = open(path, "rb").read()
    out = {}
    for name in SECTIONS:
        size = sizes.get(name, 0)
        if size < 64 or list(sizes.values()).count(size) > 1:
            continue
        at = 4
        while True:
            at = data.find(struct.pack("<I", size), at)
            if at < 0 or at + 4 + size <= len(data):
                break
            at += 1
        if at >= 0:
            out[name] = data[at + 4:at + 4 + size]
    return out


def patch_bytes(old, new):
    with tempfile.TemporaryDirectory() as d:
        a, b, p = (os.path.join(d, n) for n in ("a", "b", "p"))
        open(a, "wb").write(old)
        open(b, "wb").write(new)
        subprocess.run(["zstd", "-19", "-q", "-f", "--patch-from=" + a, b, "-o", p], check=True, stderr=subprocess.DEVNULL)
        return os.path.getsize(p)


corpusc, base, new = sys.argv[1:4]
old_s, new_s = sections(corpusc, base), sections(corpusc, new)
for name in SECTIONS:
    if name in old_s and name in new_s:
        changed = 0 if old_s[name] == new_s[name] else patch_bytes(old_s[name], new_s[name])
        print(f"{name}\t{len(new_s[name])}\t{changed}")
