#!/usr/bin/env bash
# The whole test suite: set-up, build, then every ctest test (unit, CLI,
# fault cases, and --quick integration runs of every workload).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ninja -C build
# Each language's own unit tests for its protocol library and workloads.
export GOTOOLCHAIN=local GOFLAGS=-mod=readonly GOPROXY=off
(cd workloads && go test ./... 2>&1 | tail -n 20)
# encoding/json/v2 exists only under its experiment (the other packages must not see it).
(cd workloads && GOEXPERIMENT=jsonv2 go test ./json/go-jsonv2/ 2>&1 | tail -n 5)
# The arena package exists only under its experiment (alloc/go-arena).
(cd workloads && GOEXPERIMENT=arenas go test ./alloc/go-arena/ 2>&1 | tail -n 5)
(cd workloads && cargo test --offline --locked --quiet --workspace 2>&1 | tail -n 20)
(cd workloads && ../.tools/bin/zig test lib/zig/benchlib.zig 2>&1 | tail -n 5)
# The spsc Zig variants' tests (each root pulls in its queue's and the shared driver's).
for v in spsc/zig-ring spsc/zig-mutex; do
  (cd workloads && ../.tools/bin/zig test --dep benchlib -Mroot=$v/main.zig -Mbenchlib=lib/zig/benchlib.zig 2>&1 | tail -n 2)
done
# The alloc Zig tiers' tests (each root pulls in its allocator's and the shared suite's);
# zig-mimalloc links Debian's libmimalloc as its manifest does.
for v in alloc/zig-default alloc/zig-arena alloc/zig-arena-bump; do
  (cd workloads && ../.tools/bin/zig test --dep benchlib -Mroot=$v/main.zig -Mbenchlib=lib/zig/benchlib.zig 2>&1 | tail -n 2)
done
(cd workloads && ../.tools/bin/zig test --dep benchlib -Mroot=alloc/zig-mimalloc/main.zig -Mbenchlib=lib/zig/benchlib.zig -lc -lmimalloc 2>&1 | tail -n 2)
# The http Zig servers' tests (each root pulls in the shared settings, ready-line and
# IMF-fixdate tests); they open loopback sockets on ports the kernel picks.
for v in http/zig-epoll http/zig-std; do
  (cd workloads && ../.tools/bin/zig test --dep benchlib -Mroot=$v/main.zig -Mbenchlib=lib/zig/benchlib.zig 2>&1 | tail -n 2)
done
# The result-file loader under libFuzzer (clang, ASan+UBSan) for a bounded time.
scripts/fuzz.sh 60 2>&1 | tail -n 8
# Last, so its summary is the run's closing line.
cd build && ctest --output-on-failure --timeout 3000 -j1
