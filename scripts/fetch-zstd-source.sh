#!/usr/bin/env bash
# Fetches zstd's Debian source package (for the decoder built for ARM targets by
# cmake/ZstdDecoder.cmake) and extracts it into a cache folder outside the repo.
#
# Usage: scripts/fetch-zstd-source.sh        prints the extracted source folder
# Cache: ${CORPUS_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus}/zstd (a stable
#        symlink to zstd-<version>/). Idempotent: returns at once when it is there.
# Needs: a deb-src entry for the Debian archive (added next to the deb one if
#        missing), dpkg-dev (dpkg-source), network access the first time.
set -euo pipefail

cache="${CORPUS_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus}"
link="$cache/zstd"
if [ -f "$link/lib/zstd.h" ] && [ -d "$link/lib/decompress" ]; then
  readlink -f "$link"
  exit 0
fi

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# A deb-src stanza mirroring the first deb822 "Types: deb" stanza of the Debian archive.
have_deb_src() {
  grep -rqsE '^\s*Types:.*deb-src' /etc/apt/sources.list.d/ 2>/dev/null ||
    grep -qsE '^\s*deb-src\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
}
if ! have_deb_src; then
  src=/etc/apt/sources.list.d/debian.sources
  if [ ! -f "$src" ]; then
    echo "fetch-zstd-source: no deb-src entry and no $src to copy one from" >&2
    exit 1
  fi
  echo "fetch-zstd-source: adding a deb-src stanza (/etc/apt/sources.list.d/corpus-deb-src.sources)" >&2
  awk 'BEGIN{RS=""; ORS="\n\n"} /Types:[^\n]*deb/ && /debian\/?\n/ {sub(/Types:[^\n]*/, "Types: deb-src"); print; exit}' \
    "$src" | $SUDO tee /etc/apt/sources.list.d/corpus-deb-src.sources >/dev/null
  $SUDO apt-get update -qq >&2
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt downloads as the _apt user
# As root, apt drops to the _apt user, which cannot write into root's cache.
apt_opts=(); [ "$(id -u)" = 0 ] && apt_opts=(-o APT::Sandbox::User=root)
(cd "$work" && apt-get source "${apt_opts[@]}" --download-only -qq zstd >&2)
# The binary package zstd comes from the source package libzstd.
dsc="$(ls "$work"/*zstd_*.dsc | head -n 1)"
version="$(basename "$dsc" .dsc)"; version="${version#*zstd_}"
dest="$cache/zstd-$version"
rm -rf "$dest"
# Debian patches applied (dpkg-source -x), as the distribution ships the library.
dpkg-source --no-check -x "$dsc" "$work/src" >&2
mv "$work/src" "$dest"
ln -sfn "zstd-$version" "$link"
readlink -f "$link"
