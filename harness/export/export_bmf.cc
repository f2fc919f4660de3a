// Bencher Metric Format (bencher.dev/docs/reference/bencher-metric-format): a JSON object
// from benchmark name to an object from measure slug to {"value", "lower_value",
// "upper_value"}, where only "value" is required. Every gated metric of a job (results/metric.h) is
// a measure: time is Bencher's built-in "latency" (ns); "peak-rss" (bytes), "instructions" (per
// operation, from `run --instructions`) and a suite's declared counters are created on first
// upload. Values are medians over verified
// processes with their 95% confidence interval, so lower <= value <= upper. BMF cannot express
// a failure, so failed jobs and jobs without a verified process have no entry.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "escape.h"
#include "exporters.h"
#include "job_summary.h"

namespace benchctl {
namespace {

using ojson = nlohmann::ordered_json;

ojson Measure(const Summary& s, double scale) {
  return {{"value", s.median * scale},
          {"lower_value", s.ci_low * scale},
          {"upper_value", s.ci_high * scale}};
}

// Bencher's measure slug and the factor to its unit: time is its built-in "latency" (ns);
// sizes go in bytes; any other metric keeps its label, with dashes.
std::pair<std::string, double> SlugOf(const MetricSpec& spec) {
  if (spec.name == "time_ns") return {"latency", 1};
  std::string slug = spec.label;
  std::replace(slug.begin(), slug.end(), '_', '-');
  return {slug, spec.unit == "kB" ? 1024 : 1};
}

}  // namespace

std::string ExportBmf(const RunResult& run) {
  ojson doc = ojson::object();
  for (const auto& job : run.jobs) {
    std::vector<Metric> metrics = MetricsOf(job);
    if (FindMetric(metrics, "time_ns") == nullptr) continue;
    ojson measures = ojson::object();
    for (const Metric& m : metrics) {
      if (!m.spec.compared) continue;  // The gated metrics; derived ones would repeat them.
      auto [slug, scale] = SlugOf(m.spec);
      measures[slug] = Measure(m.summary, scale);
    }
    doc[ExportName(job.spec)] = std::move(measures);
  }
  return ForTerminalJson(doc.dump(2)) + "\n";
}

}  // namespace benchctl
