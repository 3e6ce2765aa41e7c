#!/usr/bin/env bash
# Installs what the build, tests and benchmarks need from Debian's packages.
# Idempotent: installs only what is missing.
# Usage: scripts/install-deps.sh [--no-arm] [--no-test-data] [--bench]
#   --no-test-data  skip the word lists the stemmer tests read (scripts/demo.sh needs none)
set -euo pipefail

want_arm=1; want_bench=0; want_test_data=1
for a in "$@"; do
  case "$a" in
    --no-arm) want_arm=0 ;;
    --no-test-data) want_test_data=0 ;;
    --bench) want_bench=1 ;;
    *) echo "install-deps: unknown option $a" >&2; exit 2 ;;
  esac
done

pkgs=(cmake ninja-build g++ pkg-config
      libzstd-dev zstd flatbuffers-compiler libflatbuffers-dev catch2
      libcli11-dev nlohmann-json3-dev libutf8proc-dev libxxhash-dev
      libstemmer-dev libgumbo-dev zlib1g-dev
      clang libclang-rt-14-dev valgrind dpkg-dev)
if [ "$want_arm" = 1 ]; then
  pkgs+=(g++-arm-linux-gnueabihf g++-aarch64-linux-gnu qemu-user qemu-system-arm
         gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib)
fi
if [ "$want_test_data" = 1 ]; then
  # Real words of each stemmer's language (tests/text/test_stem_languages.cpp).
  pkgs+=(wamerican wngerman wfrench wspanish witalian wportuguese wdutch wswedish wdanish
         wnorwegian wcatalan wirish hunspell-ar hunspell-eu hunspell-el hunspell-hu
         hunspell-id hunspell-lt hunspell-ne hunspell-ro hunspell-ru hunspell-sr
         hunspell-tr hunspell-hi myspell-hy aptitude-doc-fi aspell-ta)
fi
if [ "$want_bench" = 1 ]; then
  pkgs+=(libsqlite3-dev libxapian-dev libzim-dev xz-utils python3-matplotlib python3-xapian
         python3-snowballstemmer bsdiff)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Snowball's source (the stemmers, every build) and zstd's (its decoder, for ARM
# targets), from Debian's source packages.
"$(dirname "$0")/fetch-debian-source.sh" snowball algorithms/english.sbl >/dev/null
if [ "$want_arm" = 1 ]; then
  "$(dirname "$0")/fetch-debian-source.sh" zstd lib/decompress/zstd_decompress.c >/dev/null
fi
