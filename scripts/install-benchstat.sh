#!/usr/bin/env bash
# Installs golang.org/x/perf/cmd/benchstat into .tools/bin at a pinned version, for the
# integration test that feeds it `benchctl export --format benchstat` output. Idempotent.
# x/perf has no tagged releases, so the pin is a pseudo-version (module's go.mod: go 1.26.0,
# so it builds with the local Go 1.26 toolchain; GOTOOLCHAIN=local forbids toolchain downloads).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCHSTAT_VERSION=v0.0.0-20260908200009-22c9c6c9d4da
STAMP=.tools/bin/.benchstat-version

if [ -x .tools/bin/benchstat ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$BENCHSTAT_VERSION" ]; then
  exit 0
fi
if ! command -v go >/dev/null; then
  echo "install-benchstat: Go not found; install Go 1.26 first (the benchstat test is skipped without it)" >&2
  exit 1
fi
mkdir -p .tools/bin
echo "install-benchstat: installing benchstat $BENCHSTAT_VERSION into .tools/bin" >&2
# GOFLAGS is cleared: the workloads' -mod=readonly does not apply to `go install pkg@version`.
GOTOOLCHAIN=local GOFLAGS= GOBIN="$ROOT/.tools/bin" \
  go install "golang.org/x/perf/cmd/benchstat@$BENCHSTAT_VERSION"
echo "$BENCHSTAT_VERSION" >"$STAMP"
