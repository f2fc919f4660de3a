// Bencher Metric Format (bencher.dev/docs/reference/bencher-metric-format): a JSON object
// from benchmark name to an object from measure slug to {"value", "lower_value",
// "upper_value"}, where only "value" is required. "latency" is Bencher's built-in measure in
// nanoseconds; "peak-rss" (bytes) and "instructions" (per operation, from `run --instructions`)
// are created on first upload. Values are medians over verified
// processes with their 95% confidence interval, so lower <= value <= upper. BMF cannot express
// a failure, so failed jobs and jobs without a verified process have no entry.
#include <nlohmann/json.hpp>

#include "escape.h"
#include "exporters.h"
#include "job_summary.h"

namespace benchctl {
namespace {

using ojson = nlohmann::ordered_json;

ojson Metric(const Summary& s, double scale) {
  return {{"value", s.median * scale},
          {"lower_value", s.ci_low * scale},
          {"upper_value", s.ci_high * scale}};
}

}  // namespace

std::string ExportBmf(const RunResult& run) {
  ojson doc = ojson::object();
  for (const auto& job : run.jobs) {
    JobSummary s = ComputeJobSummary(job);
    if (!s.time_ns) continue;
    ojson measures = {{"latency", Metric(*s.time_ns, 1)}};
    if (s.peak_rss_kb) measures["peak-rss"] = Metric(*s.peak_rss_kb, 1024);
    if (s.instructions) measures["instructions"] = Metric(*s.instructions, 1);
    doc[ExportName(job.spec)] = std::move(measures);
  }
  return ForTerminalJson(doc.dump(2)) + "\n";
}

}  // namespace benchctl
