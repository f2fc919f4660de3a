#include "exporters.h"

#include <array>

#include "compare.h"

namespace benchctl {
namespace {

// The only list of formats: the CLI, --help and the tests all read it.
constexpr std::array<Exporter, 4> kExporters = {{
    {"gbench", "Google Benchmark JSON (tools/compare.py)", ExportGbench},
    {"benchstat", "Go benchmark text format (benchstat)", ExportBenchstat},
    {"bmf", "Bencher Metric Format JSON", ExportBmf},
    {"csv", "CSV, one row per sample", ExportCsv},
}};

}  // namespace

std::span<const Exporter> Exporters() { return kExporters; }

const Exporter* FindExporter(std::string_view name) {
  for (const Exporter& e : kExporters) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::vector<std::string> ExporterNames() {
  std::vector<std::string> names;
  for (const Exporter& e : kExporters) names.emplace_back(e.name);
  return names;
}

std::string ExportName(const JobSpec& spec) { return JobKeyName(JobKeyOf(spec, true)); }

}  // namespace benchctl
