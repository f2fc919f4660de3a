#!/usr/bin/env bash
# Fuzzes the result-file loader and everything that presents a loaded run (show, compare,
# every exporter; tests/fuzz/result_loader_fuzz.cc) with libFuzzer for SECONDS (default 60).
# Configures a separate clang build with -DBENCHCTL_FUZZ=ON (ASan + UBSan + coverage) in
# $BENCHCTL_FUZZ_BUILD (default build/fuzz-clang), seeds from tests/fuzz/corpus (read only),
# keeps what it learns in $BUILD/corpus and writes crashing inputs to $BUILD/artifacts/. Extra
# arguments go to libFuzzer, e.g. `scripts/fuzz.sh 600 -jobs=2` or `-fork=2 -ignore_crashes=1`
# to keep going after a crash. Exits non-zero when the fuzzer found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}
shift || true
BUILD=${BENCHCTL_FUZZ_BUILD:-build/fuzz-clang}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found: install clang (scripts/setup.sh does)" >&2
  exit 2
fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBENCHCTL_FUZZ=ON >/dev/null
ninja -C "$BUILD" result_loader_fuzz
mkdir -p "$BUILD/corpus" "$BUILD/artifacts"
exec "$BUILD/tests/fuzz/result_loader_fuzz" -max_total_time="$DURATION" -print_final_stats=1 \
  -dict=tests/fuzz/result.dict -artifact_prefix="$BUILD/artifacts/" "$@" \
  "$BUILD/corpus" tests/fuzz/corpus
