#!/usr/bin/python3
"""section_patches.py BASE.crp NEW.crp: where a binary patch from one blob to the next
goes (bench/results/updates.md, "where the patch goes"). For every vector of the
Corpus and SearchIndex tables (schemas/corpus.fbs) it prints the section's bytes in
NEW and the `zstd -19 --patch-from` bytes of that section alone against the same
section of BASE (0: identical bytes; "-" when NEW lacks it). The blob is read with a
minimal FlatBuffers walker (root table, vtable, vector length prefixes), so each
section is found by its field, never guessed. Field ids follow the schema's order and
must change with it."""
import os
import struct
import subprocess
import sys
import tempfile

# (field id, name, element bytes) in schemas/corpus.fbs order; tables are walked apart.
CORPUS = [(6, "strings", 1), (7, "articles", 32), (8, "text_offsets", 8), (9, "extras", 36),
          (10, "dates", 8), (11, "variant_list", 4), (12, "chrome", 8), (13, "chrome_start", 4),
          (14, "frames", 24), (15, "dictionary", 1), (16, "frame_data", 1), (18, "article_languages", 1),
          (19, "id_order", 4)]
CORPUS_INDEX = 17
SEARCH_INDEX = [(7, "norm_k", 4), (8, "doc_norms", 1), (9, "doc_title_tokens", 1), (10, "term_blocks", 4),
                (11, "terms", 1), (12, "postings", 1), (13, "positions", 1), (15, "forms", 1),
                (16, "form_blocks", 4), (18, "languages", 1), (19, "language_stats", 16),
                (20, "language_norm_k", 4), (21, "language_df_terms", 4), (22, "language_df", 4)]


def u32(data, at):
    return struct.unpack_from("<I", data, at)[0]


def field_at(data, table, field):
    """Absolute offset of a table's field, or None when absent."""
    vtable = table - struct.unpack_from("<i", data, table)[0]
    vt_size = struct.unpack_from("<H", data, vtable)[0]
    slot = 4 + 2 * field
    if slot + 2 > vt_size:
        return None
    rel = struct.unpack_from("<H", data, vtable + slot)[0]
    return table + rel if rel else None


def vector(data, table, field, elem):
    at = field_at(data, table, field)
    if at is None:
        return None
    start = at + u32(data, at)
    return data[start + 4:start + 4 + u32(data, start) * elem]


def sections(path):
    data = open(path, "rb").read()
    root = u32(data, 0)
    out = {name: vector(data, root, f, e) for f, name, e in CORPUS}
    at = field_at(data, root, CORPUS_INDEX)
    if at is not None:
        index = at + u32(data, at)
        out.update({"index." + name: vector(data, index, f, e) for f, name, e in SEARCH_INDEX})
    return data, out


def patch_bytes(old, new):
    if old == new:
        return 0
    with tempfile.TemporaryDirectory() as d:
        a, b, p = (os.path.join(d, n) for n in ("a", "b", "p"))
        open(a, "wb").write(old or b"")
        open(b, "wb").write(new)
        subprocess.run(["zstd", "-19", "-q", "-f", "--patch-from=" + a, b, "-o", p], check=True,
                       stderr=subprocess.DEVNULL)
        return os.path.getsize(p)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    _, old_s = sections(sys.argv[1])
    data, new_s = sections(sys.argv[2])
    total = 0
    print("| section | bytes | patch bytes |\n|---|---:|---:|")
    for name, new in new_s.items():
        if new is None:
            continue
        p = patch_bytes(old_s.get(name), new)
        total += p
        print(f"| {name} | {len(new):,} | {p:,} |")
    print(f"| sum of sections | {len(data):,} | {total:,} |")


main()
