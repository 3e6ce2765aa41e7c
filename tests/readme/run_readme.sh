#!/usr/bin/env bash
# Runs README.md's integration section as written, in a scratch folder:
#   run_readme.sh README CORPUS_SOURCE BUILD WORK BLOCK...
# WORK/app gets the README's app/CMakeLists.txt (block app-cmake), main.cpp (the API
# block, tests/readme/wrap_cpp_block.sh) and articles/ (stage_articles.sh); then each
# named sh block (install, host, cortex-m4) runs with bash -eu in WORK, with the
# README's variables CORPUS, BUILD, P (WORK/prefix) and APP (WORK/app) set. Any failing
# command (configure, build, the program's exit status, qemu's) fails the test.
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: $0 README CORPUS_SOURCE BUILD WORK BLOCK..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
readme=$1; shift
export CORPUS=$1 BUILD=$2; shift 2
work=$1; shift
rm -rf "$work"
mkdir -p "$work/app"
export P="$work/prefix" APP="$work/app"
"$here/readme_block.sh" "$readme" marker app-cmake > "$APP/CMakeLists.txt"
"$here/wrap_cpp_block.sh" "$readme" > "$APP/main.cpp"
"$here/stage_articles.sh" "$CORPUS/examples/corpus" "$APP/articles"
for block in "$@"; do
  "$here/readme_block.sh" "$readme" marker "$block" > "$work/$block.sh"
  echo "== README block '$block' (in $work)"
  (cd "$work" && bash -eu -o pipefail -x "$work/$block.sh")
done
echo "README blocks ran: $*"
