#!/usr/bin/env bash
# The A/A control for the regression gate (issue: nightly CI).
#
#   scripts/aa-control.sh aa N [run args...]    N same-job A/A runs (the build
#       compared with itself via --against HEAD); prints how many the default
#       gate called a regression (the false-alarm rate).
#   scripts/aa-control.sh slow N [run args...]  N same-job A/B runs where the
#       candidate is a build of cpp-simdjson whose parse-dom does ~10% more
#       work (every 10th iteration parses twice); prints how many were caught.
#
# Example: scripts/aa-control.sh aa 10 --suite json --impl cpp-simdjson \
#            --op parse-dom --shape twitter --size 256KB
# Add `--processes 10 --instructions 8` to test the callgrind instruction gate.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1 n=$2
shift 2
root=$PWD
out=build/bench/aa/$mode-$$  # One folder per invocation: runs may overlap.
mkdir -p "$out"
ninja -C build benchctl benchctl-exec >/dev/null
benchctl=$root/build/benchctl
run_root=$root
if [ "$mode" = slow ]; then
  # A scratch clone whose HEAD is this commit plus the slowdown: --against
  # the original commit then makes the slow build the candidate.
  clone=$root/build/bench/slow-clone
  rm -rf "$clone"
  git clone -q "$root" "$clone"
  python3 - "$clone/workloads/json/cpp-simdjson/dom.h" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "    return DomStatsOf(parser_.parse(buffer_).value());\n  }\n"
new = ("    if (++injected_ % 10 == 0) {  // A/A experiment: ~10% more work.\n"
       "      DomStats extra = DomStatsOf(parser_.parse(buffer_).value());\n"
       "      benchmark::DoNotOptimize(extra);\n"
       "    }\n" + old)
assert old in s
s = s.replace(old, new, 1).replace("  simdjson::dom::parser parser_;\n",
                                   "  simdjson::dom::parser parser_;\n  unsigned injected_ = 0;\n", 1)
open(p, "w").write(s)
PY
  git -C "$clone" -c user.email=aa@benchctl -c user.name=aa commit -qam "inject ~10% slowdown"
  mkdir -p "$clone/.tools" && ln -sfn "$root/.tools/bin" "$clone/.tools/bin"
  run_root=$clone
fi
regressions=0
for i in $(seq 1 "$n"); do
  file=$out/$mode-$i.json
  "$benchctl" run --root "$run_root" --build-dir "$root/build/bench" --against HEAD~$([ "$mode" = slow ] && echo 1 || echo 0) \
    --seed "$i" --out "$file" "$@" >/dev/null 2>&1 || true
  # shellcheck disable=SC2086 # COMPARE_ARGS is a list of flags.
  if "$benchctl" compare "$file" ${COMPARE_ARGS:-} > "$out/$mode-$i.txt" 2>&1; then
    verdict=ok
  else
    status=$?
    [ "$status" -eq 1 ] && regressions=$((regressions + 1))
    verdict="exit $status"
  fi
  # One "metric change verdict" per row, e.g. "time +9.8% regression".
  # shellcheck disable=SC2086
  rows=$("$benchctl" compare "$file" ${COMPARE_ARGS:-} --format json 2>/dev/null | python3 -c '
import json, sys
rows = json.load(sys.stdin)["rows"]
print("; ".join("%s %+.1f%% %s" % (r["metric"], (r["ratio"]["estimate"] - 1) * 100, r["verdict"])
                for r in rows))' || echo '?')
  echo "$mode run $i: $verdict ($rows)"
done
echo "$mode: $regressions of $n runs called a regression"
