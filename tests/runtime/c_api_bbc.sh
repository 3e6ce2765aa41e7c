#!/bin/sh
# usage: c_api_bbc.sh CORPUSC C_API_TEST SHARED_DIR WORK_DIR
# Compiles BBC News (../shared) once into WORK_DIR and runs the C API test on it;
# exit 77 (ctest SKIP) when the corpus is absent.
set -eu
corpusc=$1 test=$2 bbc=$3/corpora/bbc-news blob=$4/bbc-c-api.crp
if [ ! -d "$bbc/business" ]; then
  echo "SKIP: $bbc not found"
  exit 77
fi
if [ ! -f "$blob" ] || [ "$corpusc" -nt "$blob" ]; then
  "$corpusc" build "$bbc" -o "$blob" -q
fi
exec "$test" "$blob" "$bbc" business/001.txt
