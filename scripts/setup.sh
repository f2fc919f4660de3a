#!/usr/bin/env bash
# Fresh-machine set-up for benchctl; idempotent (a second run changes nothing).
#   - Debian packages: compilers, cmake/ninja, the C++ libraries, tools.
#   - Zig at an exact version from PyPI (package ziglang) into .tools/.
#   - Checks Go and Rust are the versions the project was measured with.
#   - Fetches the locked Go modules and Rust crates once (builds are offline).
#   - Builds the harness into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# Zig 0.17.1 is the newest ziglang release on PyPI; its std API is what the
# Zig workloads are written against (std.Io, the new Reader/Writer).
ZIG_VERSION=0.17.1
APT_PACKAGES=(g++ clang clang-format cmake ninja-build pkg-config binutils
  libbenchmark-dev libfmt-dev nlohmann-json3-dev libcli11-dev libgtest-dev
  libsimdjson-dev libmimalloc-dev libjemalloc-dev libssl-dev libboost1.81-dev rapidjson-dev libsqlite3-dev
  valgrind hyperfine wrk nghttp2-client git python3
  chromium)  # chromium: the report browser test renders `benchctl report` headless

log() { printf 'setup: %s\n' "$*" >&2; }
warn() { printf 'setup: WARNING: %s\n' "$*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p .tools/bin
if [ "$(.tools/bin/zig version 2>/dev/null || true)" != "$ZIG_VERSION" ]; then
  log "installing Zig $ZIG_VERSION from PyPI into .tools/"
  rm -rf .tools/pylib
  python3 -m pip install --quiet --disable-pip-version-check --target .tools/pylib "ziglang==$ZIG_VERSION"
  ln -sf "$ROOT/.tools/pylib/ziglang/zig" .tools/bin/zig
fi
log "zig $(.tools/bin/zig version)"

expected() { python3 -c "import json,sys; print(json.load(open('toolchains/$1.json'))['expected_version'])"; }
export GOTOOLCHAIN=local
if command -v go >/dev/null; then
  want=$(expected go)
  have=$(go version)
  [[ "$have" == *"$want"* ]] || warn "Go is '$have', the project expects $want: numbers will not compare with published results"
  log "fetching locked Go modules"
  (cd workloads && go mod download)
else
  warn "Go not found: install Go $(expected go) (GOTOOLCHAIN=local; no toolchain downloads)"
fi
if command -v cargo >/dev/null; then
  want=$(expected rust)
  have=$(rustc --version)
  [[ "$have" == *"$want"* ]] || warn "Rust is '$have', the project expects $want: numbers will not compare with published results"
  log "fetching locked Rust crates"
  (cd workloads && cargo fetch --locked --quiet)
else
  warn "Rust not found: install rustup's stable toolchain ($(expected rust))"
fi

# benchstat (golang.org/x/perf, pinned) reads benchctl's benchstat export; a test runs it.
if command -v go >/dev/null && [ ! -x .tools/bin/benchstat ]; then
  log "installing benchstat"
  scripts/install-benchstat.sh || warn "benchstat could not be installed; its test will be skipped"
fi

log "building the harness"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build benchctl benchctl-exec >/dev/null
log "done: build/benchctl doctor"
