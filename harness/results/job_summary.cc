#include "job_summary.h"

namespace benchctl {
namespace {

std::optional<Summary> MaybeSummarize(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  return Summarize(values);
}

}  // namespace

std::vector<double> ProcessTimes(const JobResult& job) {
  std::vector<double> values;
  for (const auto& p : job.processes) {
    if (p.ok) values.push_back(p.median_ns);
  }
  return values;
}

std::vector<double> InstructionCounts(const JobResult& job) {
  std::vector<double> values;
  for (const auto& c : job.instructions) {
    if (c.ok) values.push_back(c.per_op);
  }
  return values;
}

JobSummary ComputeJobSummary(const JobResult& job) {
  JobSummary s;
  if (job.status == "failed") return s;
  std::vector<double> peak, baseline, increase, cpu;
  for (const auto& p : job.processes) {
    if (!p.ok) continue;
    ++s.processes;
    peak.push_back(static_cast<double>(p.peak_rss_kb));
    cpu.push_back((p.user_seconds + p.system_seconds) * 1e9);
    if (p.baseline_rss_kb) {
      baseline.push_back(static_cast<double>(*p.baseline_rss_kb));
      // In double: a record built in code may hold any long, and the difference of two can
      // overflow one.
      increase.push_back(static_cast<double>(p.peak_rss_kb) -
                         static_cast<double>(*p.baseline_rss_kb));
    }
  }
  s.time_ns = MaybeSummarize(ProcessTimes(job));
  s.peak_rss_kb = MaybeSummarize(peak);
  s.baseline_rss_kb = MaybeSummarize(baseline);
  s.rss_increase_kb = MaybeSummarize(increase);
  s.cpu_ns = MaybeSummarize(cpu);
  s.instructions = MaybeSummarize(InstructionCounts(job));
  return s;
}

nlohmann::json SummaryToJson(const Summary& s) {
  return {{"n", s.n},
          {"median", s.median},
          {"ci_low", s.ci_low},
          {"ci_high", s.ci_high},
          {"ci_confidence", s.ci_confidence},
          {"mad", s.mad},
          {"mean", s.mean},
          {"stddev", s.stddev},
          {"min", s.min},
          {"max", s.max},
          {"outliers", s.outliers}};
}

nlohmann::json SummarizeJob(const JobResult& job) {
  JobSummary s = ComputeJobSummary(job);
  nlohmann::json j = {{"processes", s.processes}};
  auto put = [&j](const char* key, const std::optional<Summary>& v) {
    j[key] = v ? SummaryToJson(*v) : nlohmann::json(nullptr);
  };
  put("time_ns", s.time_ns);
  put("peak_rss_kb", s.peak_rss_kb);
  put("baseline_rss_kb", s.baseline_rss_kb);
  put("rss_increase_kb", s.rss_increase_kb);
  put("cpu_ns", s.cpu_ns);
  if (!job.instructions.empty()) put("instructions_per_op", s.instructions);
  if (s.time_ns && job.spec.bytes_per_op > 0) {
    // MB/s is a decreasing function of time, so the interval's ends swap.
    double bytes = job.spec.bytes_per_op;
    j["throughput_mb_s"] = {{"median", bytes / s.time_ns->median * 1e3},
                            {"ci_low", bytes / s.time_ns->ci_high * 1e3},
                            {"ci_high", bytes / s.time_ns->ci_low * 1e3}};
  }
  return j;
}

}  // namespace benchctl
