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

// The change a ratio's 95% interval must clear for time and memory (with
// `run --against`'s kAbDefaultProcesses, compare/compare.h), from A/A and injected-
// slowdown runs on the 2-CPU shared VM (scripts/aa-control.sh): one process's
// time varies by about 18% (sd of log time) there, mostly from cache
// interference, so the interval's half-width is about 4.5% at 120 processes per
// side. With 120 and 3%, no false alarm in 20 json and 10 startup A/A runs, and
// 9 of 10 injected 10% slowdowns were called regressions. With 30 processes,
// 5 of 10; with 10 processes and 5%, 2 of 10.
inline constexpr double kDefaultNoiseThreshold = 0.03;
// The change instruction counts must clear. Counts of C++, Rust and Zig workloads repeat
// within 0.01% under callgrind, Go's within ~0.5%; but two builds of the same code differ
// consistently by ~0.001%, which the test alone calls significant. In the A/A control
// (scripts/aa-control.sh, 8 counts per side) no build was called a regression and every
// injected 10% slowdown was.
inline constexpr double kDefaultInstructionThreshold = 0.01;

// Which way is better: time and memory go down, throughput goes up.
enum class Better { kLower, kHigher };

// "lower" or "higher", as stored in result files.
std::string_view BetterName(Better better);

// A metric's declaration.
struct MetricSpec {
  std::string name;  // Key in a job's "metrics": "time_ns", "gc_pause_total_ns".
  std::string unit;  // "ns", "kB", "MB/s", "instructions", or a counter's own unit.
  Better better = Better::kLower;
  double noise_threshold = kDefaultNoiseThreshold;  // Relative change compare treats as noise.
  bool compared = false;  // Gated by `compare` (derived metrics such as throughput are not).
  std::string label;      // Short stable name in reports: "time", "peak_rss".
  std::string title;      // Table title: "time per operation".
  std::string counter;    // The protocol counter it reads; "" for built-in metrics.
  // The counter is per iteration of the workload's body: divided by the job's
  // ops_per_iteration so it reads per operation, like time (alloc's cpu_per_iteration_ns).
  bool per_iteration = false;
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

// Whether benchctl formats values of `unit` itself ("ns", "kB", "MB/s", "instructions");
// any other unit came from a declaration or a file and is printed as given.
bool IsOwnUnit(std::string_view unit);

// A metric's value for tables, in its unit ("1.23 µs", "2.0 MiB", "3.30M").
std::string FormatMetricValue(const MetricSpec& spec, double value);

// The declaration of a counter metric a suite declares: `counter` is the protocol counter.
MetricSpec CounterMetric(std::string counter, std::string unit, Better better,
                         double noise_threshold, bool compared, std::string title);

}  // namespace benchctl
