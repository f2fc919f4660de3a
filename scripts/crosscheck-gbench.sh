#!/usr/bin/env bash
# Cross-checks benchctl against Google Benchmark: the simdjson parse-dom of the
# same generated document, measured by benchctl (10 pinned processes) and by
# Google Benchmark in one pinned process (10 repetitions). They should agree
# within a few percent. Usage: scripts/crosscheck-gbench.sh [SIZE] (default 1MB)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1MB}
cpu=$(($(nproc) - 1))
ninja -C build benchctl json_simdjson_gbench >/dev/null
input=build/bench/crosscheck-twitter-$size.json
build/benchctl gen json --shape twitter --size "$size" --seed 1 --out "$input"
rm -f build/bench/crosscheck.json  # benchctl never replaces a result file.
build/benchctl run --suite json --impl cpp-simdjson --op parse-dom --shape twitter \
  --size "$size" --processes 10 --out build/bench/crosscheck.json >/dev/null
BENCHCTL_CROSSCHECK_INPUT=$input taskset -c "$cpu" build/json_simdjson_gbench \
  --benchmark_repetitions=10 --benchmark_min_time=0.2 --benchmark_format=json \
  --benchmark_out=build/bench/crosscheck-gbench.json --benchmark_out_format=json >/dev/null
python3 - "$size" <<'PY'
import json, sys
size = sys.argv[1]
b = json.load(open("build/bench/crosscheck.json"))
job = [j for j in b["results"] if j["input"]["name"].startswith("twitter")][0]
t = job["metrics"]["time_ns"]["summary"]
g = json.load(open("build/bench/crosscheck-gbench.json"))
med = [x for x in g["benchmarks"] if x.get("aggregate_name") == "median"][0]
scale = {"ns": 1, "us": 1e3, "ms": 1e6}[med["time_unit"]]
gb = med["real_time"] * scale
print(f"twitter-{size} simdjson parse-dom")
print(f"  benchctl         median {t['median']/1e3:.1f} us  95% CI [{t['ci_low']/1e3:.1f}, {t['ci_high']/1e3:.1f}]  ({t['n']} processes)")
print(f"  Google Benchmark median {gb/1e3:.1f} us  (10 repetitions, one process)")
print(f"  benchctl / gbench = {t['median']/gb:.3f}")
PY
