#!/usr/bin/env bash
# Fetches a Debian source package, applies Debian's patches (dpkg-source -x) and
# extracts it into a cache folder outside the repo, for the parts of a dependency
# that have no prebuilt library for a target (zstd's decoder on ARM, Snowball's
# stemmer sources everywhere).
#
# Usage: scripts/fetch-debian-source.sh PACKAGE MARKER   prints the extracted folder
#   PACKAGE  source package name (zstd, snowball)
#   MARKER   a path inside the source tree that proves it is complete (lib/zstd.h)
# Cache: ${CORPUS_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus}/PACKAGE (a stable
#        symlink to PACKAGE-<version>/). Idempotent: returns at once when it is there.
# Needs: a deb-src entry for the Debian archive (added next to the deb one if
#        missing), dpkg-dev (dpkg-source), network access the first time.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PACKAGE MARKER" >&2; exit 2; }
pkg="$1"; marker="$2"

cache="${CORPUS_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus}"
link="$cache/$pkg"
if [ -e "$link/$marker" ]; then
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
    echo "fetch-debian-source: no deb-src entry and no $src to copy one from" >&2
    exit 1
  fi
  echo "fetch-debian-source: adding a deb-src stanza (/etc/apt/sources.list.d/corpus-deb-src.sources)" >&2
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
(cd "$work" && apt-get source "${apt_opts[@]}" --download-only -qq "$pkg" >&2)
# A binary package's name may differ from its source package's (zstd's is libzstd).
dsc="$(ls "$work"/*"${pkg}"_*.dsc | head -n 1)"
version="$(basename "$dsc" .dsc)"; version="${version#*${pkg}_}"
dest="$cache/$pkg-$version"
rm -rf "$dest"
dpkg-source --no-check -x "$dsc" "$work/src" >&2
mv "$work/src" "$dest"
ln -sfn "$pkg-$version" "$link"
[ -e "$link/$marker" ] || { echo "fetch-debian-source: $pkg has no $marker" >&2; exit 1; }
readlink -f "$link"
