// Google Benchmark cross-check of benchctl's parse-dom number for simdjson: measures the very
// iteration the workload times (dom.h's ParseDomIteration, result compared like benchlib does)
// on the file named by BENCHCTL_CROSSCHECK_INPUT.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "benchlib.h"
#include "json/cpp-simdjson/dom.h"

namespace {

void BM_SimdjsonParseDom(benchmark::State& state, const std::string* input) {
  json_suite::ParseDomIteration iteration(*input);
  const json_suite::DomStats expected = iteration();  // the self-check, as in benchlib
  std::int64_t mismatches = 0;
  for (auto _ : state) {
    json_suite::DomStats result = iteration();
    benchmark::DoNotOptimize(result);
    mismatches += !(result == expected);
  }
  if (mismatches != 0) state.SkipWithError("an iteration's DOM stats differed from the first");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(input->size()));
}

}  // namespace

int main(int argc, char** argv) {
  const char* path = std::getenv("BENCHCTL_CROSSCHECK_INPUT");
  if (path == nullptr) {
    std::fputs("usage: BENCHCTL_CROSSCHECK_INPUT=FILE.json gbench_crosscheck [benchmark flags]\n",
               stderr);
    return 2;
  }
  std::string input;
  try {
    input = benchlib::ReadFile(path);
    json_suite::ParseDomIteration check(input);
    check();  // reject an invalid document before benchmarking it
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", path, e.what());
    return 1;
  }
  benchmark::RegisterBenchmark("simdjson/parse-dom", BM_SimdjsonParseDom, &input)
      ->Unit(benchmark::kMicrosecond);
  benchmark::AddCustomContext("input", path);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
