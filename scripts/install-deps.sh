#!/usr/bin/env bash
# Installs what the build, tests and benchmarks need from Debian's packages.
# Idempotent: installs only what is missing. Usage: scripts/install-deps.sh [--no-arm] [--bench]
set -euo pipefail

want_arm=1; want_bench=0
for a in "$@"; do
  case "$a" in
    --no-arm) want_arm=0 ;;
    --bench) want_bench=1 ;;
    *) echo "install-deps: unknown option $a" >&2; exit 2 ;;
  esac
done

pkgs=(cmake ninja-build g++ pkg-config
      libzstd-dev zstd flatbuffers-compiler libflatbuffers-dev catch2
      libcli11-dev nlohmann-json3-dev libutf8proc-dev libxxhash-dev
      libstemmer-dev libgumbo-dev zlib1g-dev
      clang libclang-rt-14-dev valgrind)
if [ "$want_arm" = 1 ]; then
  pkgs+=(g++-arm-linux-gnueabihf g++-aarch64-linux-gnu qemu-user qemu-system-arm
         gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib
         dpkg-dev)
fi
if [ "$want_bench" = 1 ]; then
  pkgs+=(libsqlite3-dev libxapian-dev libzim-dev xz-utils python3-matplotlib)
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

# zstd's source (decoder only) for ARM targets, from Debian's source package.
if [ "$want_arm" = 1 ]; then
  "$(dirname "$0")/fetch-zstd-source.sh"
fi
