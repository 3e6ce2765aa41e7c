#!/usr/bin/python3
"""block_share.py OLD NEW: share of NEW's 4 KiB blocks an updater need not ship.

Prints two percentages: blocks equal to OLD's block at the same offset, and blocks
equal to any 4 KiB-aligned block of OLD (a block-hash index, as RAUC's adaptive
mode keeps of the installed slot)."""
import hashlib
import sys

BLOCK = 4096


def blocks(path):
    data = open(path, "rb").read()
    return [data[i:i + BLOCK] for i in range(0, len(data), BLOCK)]


old, new = blocks(sys.argv[1]), blocks(sys.argv[2])
old_hashes = {hashlib.sha256(b).digest() for b in old}
same_offset = sum(1 for i, b in enumerate(new) if i < len(old) and old[i] == b)
anywhere = sum(1 for b in new if hashlib.sha256(b).digest() in old_hashes)
print(f"{100.0 * same_offset / len(new):.1f} {100.0 * anywhere / len(new):.1f}")
