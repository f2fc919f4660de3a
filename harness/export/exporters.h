// Export formats: pure functions from a run to the bytes of a file, one file
// each (export_*.cc), registered in the single table below (hyperfine's src/export/).
// Strings from the run are data: each exporter passes them through escape.h, so no name can
// put control characters on a terminal or break the format's structure.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "result_model.h"

namespace benchctl {

// A pure function from a run to the bytes of one format; throws Error on unusable data.
using ExportFunction = std::string (*)(const RunResult& run);

// One row of the exporter table.
struct Exporter {
  std::string_view name;         // The --format value.
  std::string_view description;  // For --help.
  ExportFunction function;
};

// Every export format, in --help order.
std::span<const Exporter> Exporters();

// The exporter called `name`, or nullptr.
const Exporter* FindExporter(std::string_view name);

// The names of all exporters, for CLI validation.
std::vector<std::string> ExporterNames();

// Google Benchmark JSON, readable by google/benchmark's tools/compare.py.
std::string ExportGbench(const RunResult& run);

// Go benchmark format (golang.org/design/14313-benchmark-format), readable by benchstat.
std::string ExportBenchstat(const RunResult& run);

// Bencher Metric Format JSON (bencher.dev/docs/reference/bencher-metric-format).
std::string ExportBmf(const RunResult& run);

// RFC 4180 CSV with one row per timed sample of every process.
std::string ExportCsv(const RunResult& run);

// The name every exporter gives a job: "json/parse-dom/rust-serde/twitter-1MB", with
// "@candidate" for a job of an A/B run (the same as `benchctl compare` prints).
std::string ExportName(const JobSpec& spec);

}  // namespace benchctl
