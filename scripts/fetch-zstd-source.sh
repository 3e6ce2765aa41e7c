#!/usr/bin/env bash
# Fetches zstd's Debian source package (for the decoder built for ARM targets by
# cmake/ZstdDecoder.cmake) into the cache and prints its folder
# (scripts/fetch-debian-source.sh does the work and documents the cache).
exec "$(dirname "$0")/fetch-debian-source.sh" zstd lib/decompress/zstd_decompress.c
