#!/usr/bin/env bash
# Prints one fenced code block of a Markdown file, byte for byte (fences excluded).
#   readme_block.sh README.md marker NAME   the block right after <!-- readme-test: NAME -->
#   readme_block.sh README.md lang LANG N   the N-th (1-based) block fenced as ```LANG
# Fails (exit 1, message on stderr) when the block is not there, so a README edit
# that drops or renames a tested block fails its test instead of testing nothing.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 README marker NAME | README lang LANG N" >&2; exit 2; }
readme=$1 mode=$2 key=$3 nth=${4:-1}
out=$(awk -v mode="$mode" -v key="$key" -v nth="$nth" '
  BEGIN { armed = 0; inside = 0; seen = 0; found = 0 }
  inside && /^```[[:space:]]*$/ { inside = 0; if (found) exit; next }
  inside { if (found) print; next }
  mode == "marker" && $0 ~ "^<!-- readme-test: " key " -->[[:space:]]*$" { armed = 1; next }
  /^```/ {
    inside = 1
    lang = substr($0, 4); sub(/[[:space:]].*$/, "", lang)
    if (mode == "marker" && armed) found = 1
    if (mode == "lang" && lang == key && ++seen == nth) found = 1
    armed = 0
    next
  }
  NF { armed = 0 }
  END { if (!found) exit 3 }
' "$readme") || { echo "readme_block: no block '$key' ($mode) in $readme" >&2; exit 1; }
printf '%s\n' "$out"
