// The open metric model (results/SCHEMA.md, "metrics"): every number a job reports — time,
// CPU time, memory, throughput, instruction counts, a workload's declared counters — is a
// Metric: a declaration (name, unit, which direction is better, its noise threshold) and one
// value per verified process (or per callgrind count). show, compare and the exporters iterate
// metrics; adding one is one declaration (BuiltinMetrics, or a suite's Suite::Metrics).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "statistics.h"

namespace benchctl {

// Which way is better: time and memory go down, throughput goes up.
enum class Better { kLower, kHigher };

// "lower" or "higher", as stored in result files.
std::string_view BetterName(Better better);

// A metric's declaration.
struct MetricSpec {
  std::string name;  // Key in a job's "metrics": "time_ns", "gc_pause_total_ns".
  std::string unit;  // "ns", "kB", "MB/s", "instructions", or a counter's own unit.
  Better better = Better::kLower;
  double noise_threshold = 0.03;  // Relative change compare treats as noise (0.03 = 3%).
  bool compared = false;  // Gated by `compare` (derived metrics such as throughput are not).
  std::string label;      // Short stable name in reports: "time", "peak_rss".
  std::string title;      // Table title: "time per operation".
  std::string counter;    // The protocol counter it reads; "" for built-in metrics.
};

// One job's values of a metric.
struct Metric {
  MetricSpec spec;
  std::vector<double> values;  // Per verified process (or per verified count), in order.
  Summary summary;             // Over `values` (never empty).
};

// The metrics benchctl measures for every job, in report order.
const std::vector<MetricSpec>& BuiltinMetrics();

// The built-in declaration named `name`, if any.
const MetricSpec* FindBuiltinMetric(std::string_view name);

// A metric's value for tables, in its unit ("1.23 µs", "2.0 MiB", "3.30M").
std::string FormatMetricValue(const MetricSpec& spec, double value);

// The declaration of a counter metric a suite declares: `counter` is the protocol counter.
MetricSpec CounterMetric(std::string counter, std::string unit, Better better,
                         double noise_threshold, bool compared, std::string title);

}  // namespace benchctl
