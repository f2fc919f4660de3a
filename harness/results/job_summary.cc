#include "job_summary.h"

#include <algorithm>
#include <cmath>

namespace benchctl {
namespace {

using Values = std::vector<double>;

// Each verified process's value of `read`.
template <typename Read>
Values PerProcess(const JobResult& job, Read read) {
  Values values;
  for (const auto& p : job.processes) {
    if (p.ok) values.push_back(read(p));
  }
  return values;
}

// A counter's values, if every verified process reported it as a finite number; per
// operation if the counter is per iteration.
std::optional<Values> CounterValues(const JobResult& job, const MetricSpec& spec) {
  Values values;
  const double divisor =
      spec.per_iteration
          ? static_cast<double>(std::max<std::int64_t>(job.spec.ops_per_iteration, 1))
          : 1.0;
  for (const auto& p : job.processes) {
    if (!p.ok) continue;
    auto it = p.counters.find(spec.counter);
    if (it == p.counters.end() || !it->is_number()) return std::nullopt;
    double v = it->get<double>() / divisor;
    if (!std::isfinite(v)) return std::nullopt;
    values.push_back(v);
  }
  if (values.empty()) return std::nullopt;
  return values;
}

// MB/s of each process: the input bytes over its time (a zero time has none).
Values Throughput(const JobResult& job, const Values& times) {
  Values values;
  if (job.spec.bytes_per_op <= 0) return values;
  for (double t : times) {
    if (!(t > 0)) return {};
    values.push_back(job.spec.bytes_per_op / t * 1e3);
  }
  return values;
}

// Items per second of each process (spsc): the items per operation over its time.
Values ItemRate(const JobResult& job, const Values& times) {
  Values values;
  if (job.spec.items_per_op <= 0) return values;
  for (double t : times) {
    if (!(t > 0)) return {};
    values.push_back(job.spec.items_per_op / t * 1e9);
  }
  return values;
}

// Page faults per operation over the timed samples, from the loop's counter `counter`
// (inprocess mode); none unless every verified process reported it.
Values FaultsPerOp(const JobResult& job, const char* counter) {
  Values values;
  const double ops_per_iteration =
      static_cast<double>(std::max<std::int64_t>(job.spec.ops_per_iteration, 1));
  for (const auto& p : job.processes) {
    if (!p.ok) continue;
    auto it = p.counters.find(counter);
    const double ops = static_cast<double>(p.iterations) *
                       static_cast<double>(p.samples_ns.size()) * ops_per_iteration;
    if (it == p.counters.end() || !it->is_number() || !(ops > 0)) return {};
    values.push_back(it->get<double>() / ops);
  }
  return values;
}

// The values of each built-in metric, by name.
Values BuiltinValues(const JobResult& job, const std::string& name, const Values& times) {
  if (name == "time_ns") return times;
  if (name == "cpu_ns") {
    return PerProcess(
        job, [](const ProcessRecord& p) { return (p.user_seconds + p.system_seconds) * 1e9; });
  }
  if (name == "peak_rss_kb") {
    return PerProcess(job,
                      [](const ProcessRecord& p) { return static_cast<double>(p.peak_rss_kb); });
  }
  if (name == "minor_faults" || name == "major_faults") {
    const bool minor = name == "minor_faults";
    for (const auto& p : job.processes) {
      if (p.ok && !(minor ? p.minor_faults : p.major_faults)) return {};  // An older file.
    }
    return PerProcess(job, [minor](const ProcessRecord& p) {
      return static_cast<double>(minor ? *p.minor_faults : *p.major_faults);
    });
  }
  if (name == "minor_faults_per_op") return FaultsPerOp(job, "timed_minor_faults");
  if (name == "major_faults_per_op") return FaultsPerOp(job, "timed_major_faults");
  bool every_baseline = true;
  for (const auto& p : job.processes) every_baseline &= !p.ok || p.baseline_rss_kb.has_value();
  if (name == "baseline_rss_kb" && every_baseline) {
    return PerProcess(
        job, [](const ProcessRecord& p) { return static_cast<double>(*p.baseline_rss_kb); });
  }
  if (name == "rss_increase_kb" && every_baseline) {
    // In double: a record built in code may hold any long, and the difference of two can
    // overflow one.
    return PerProcess(job, [](const ProcessRecord& p) {
      return static_cast<double>(p.peak_rss_kb) - static_cast<double>(*p.baseline_rss_kb);
    });
  }
  if (name == "throughput_mb_s") return Throughput(job, times);
  if (name == "items_per_s") return ItemRate(job, times);
  if (name == "instructions_per_op") {
    Values values;
    for (const auto& c : job.instructions) {
      if (c.ok) values.push_back(c.per_op);
    }
    return values;
  }
  return {};
}

Values ProcessMedians(const JobResult& job) {
  return PerProcess(job, [](const ProcessRecord& p) { return p.median_ns; });
}

}  // namespace

std::vector<Metric> ComputeMetrics(const JobResult& job) {
  std::vector<Metric> metrics;
  if (job.status == "failed") return metrics;
  Values times = ProcessMedians(job);
  for (const MetricSpec& spec : BuiltinMetrics()) {
    Values values = BuiltinValues(job, spec.name, times);
    if (!values.empty()) metrics.push_back({spec, values, Summarize(values)});
  }
  for (const MetricSpec& spec : job.spec.counter_metrics) {
    if (auto values = CounterValues(job, spec)) {
      metrics.push_back({spec, *values, Summarize(*values)});
    }
  }
  return metrics;
}

std::vector<Metric> MetricsOf(const JobResult& job) {
  if (!job.stored_metrics.empty() || job.status == "failed") return job.stored_metrics;
  return ComputeMetrics(job);
}

const Metric* FindMetric(const std::vector<Metric>& metrics, std::string_view name) {
  for (const auto& m : metrics) {
    if (m.spec.name == name) return &m;
  }
  return nullptr;
}

std::vector<double> MetricValues(const JobResult& job, std::string_view name) {
  // Only the one metric: show asks for times once per ratio cell.
  if (!job.stored_metrics.empty() || job.status == "failed") {
    const Metric* m = FindMetric(job.stored_metrics, name);
    return m ? m->values : Values{};
  }
  if (FindBuiltinMetric(name) != nullptr) {
    return BuiltinValues(job, std::string(name),
                         name == "time_ns" || name == "throughput_mb_s" || name == "items_per_s"
                             ? ProcessMedians(job)
                             : Values{});
  }
  for (const MetricSpec& spec : job.spec.counter_metrics) {
    if (spec.name == name) return CounterValues(job, spec).value_or(Values{});
  }
  return {};
}

JobSummary ComputeJobSummary(const JobResult& job) {
  JobSummary s;
  std::vector<Metric> metrics = MetricsOf(job);
  auto summary = [&metrics](std::string_view name) -> std::optional<Summary> {
    const Metric* m = FindMetric(metrics, name);
    if (m == nullptr) return std::nullopt;
    return m->summary;
  };
  s.time_ns = summary("time_ns");
  s.processes = s.time_ns ? s.time_ns->n : 0;
  s.peak_rss_kb = summary("peak_rss_kb");
  s.baseline_rss_kb = summary("baseline_rss_kb");
  s.rss_increase_kb = summary("rss_increase_kb");
  s.cpu_ns = summary("cpu_ns");
  s.instructions = summary("instructions_per_op");
  return s;
}

std::vector<double> ProcessTimes(const JobResult& job) { return MetricValues(job, "time_ns"); }

std::vector<double> InstructionCounts(const JobResult& job) {
  return MetricValues(job, "instructions_per_op");
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

}  // namespace benchctl
