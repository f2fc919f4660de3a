// A job's metrics (results/metric.h) and the summary view of them that tables use.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "metric.h"
#include "result_model.h"
#include "statistics.h"

namespace benchctl {

// Computes a job's metrics from its records: the built-in ones it has values for, in
// BuiltinMetrics order, then its suite's counter metrics that every verified process
// reported. A failed job has none (an unverified measurement is not a result).
std::vector<Metric> ComputeMetrics(const JobResult& job);

// The metrics a file stored (schema 2), else ComputeMetrics.
std::vector<Metric> MetricsOf(const JobResult& job);

// The metric `name` of `metrics`, or null.
const Metric* FindMetric(const std::vector<Metric>& metrics, std::string_view name);

// The values of metric `name` of a job (empty when it has none).
std::vector<double> MetricValues(const JobResult& job, std::string_view name);

// The built-in metrics' summaries, for tables that lay them out in columns.
struct JobSummary {
  std::size_t processes = 0;               // Verified processes summarised.
  std::optional<Summary> time_ns;          // Per-process medians, ns per operation.
  std::optional<Summary> peak_rss_kb;      // ru_maxrss per process.
  std::optional<Summary> baseline_rss_kb;  // After setup (inprocess mode only).
  std::optional<Summary> rss_increase_kb;  // Peak minus baseline, per process.
  std::optional<Summary> cpu_ns;           // User + system CPU per process.
  std::optional<Summary> instructions;     // Per operation, one value per callgrind count.
};

// The summary view of a job's metrics (MetricsOf).
JobSummary ComputeJobSummary(const JobResult& job);

// Per-process times (ns per operation) of the verified processes.
std::vector<double> ProcessTimes(const JobResult& job);

// Instructions per operation of each verified callgrind count.
std::vector<double> InstructionCounts(const JobResult& job);

// A Summary as JSON.
nlohmann::json SummaryToJson(const Summary& summary);

}  // namespace benchctl
