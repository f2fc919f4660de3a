#include "metric.h"

#include <fmt/format.h>

#include "units.h"

namespace benchctl {

std::string_view BetterName(Better better) {
  return better == Better::kHigher ? "higher" : "lower";
}

const std::vector<MetricSpec>& BuiltinMetrics() {
  static const std::vector<MetricSpec> metrics = {
      {"time_ns", "ns", Better::kLower, kDefaultNoiseThreshold, true, "time", "time per operation",
       ""},
      {"cpu_ns", "ns", Better::kLower, kDefaultNoiseThreshold, false, "cpu", "CPU time per process",
       ""},
      {"peak_rss_kb", "kB", Better::kLower, kDefaultNoiseThreshold, true, "peak_rss", "peak RSS",
       ""},
      // Page faults of the whole process (wait4): glibc returning freed heap to the kernel
      // shows up here as minor faults when the next iteration touches it again.
      {"minor_faults", "faults", Better::kLower, kDefaultNoiseThreshold, false, "minor_faults",
       "minor page faults per process", ""},
      {"major_faults", "faults", Better::kLower, kDefaultNoiseThreshold, false, "major_faults",
       "major page faults per process", ""},
      // The same counted by the workload's loop around its timed samples only
      // (timed_minor_faults / timed_major_faults), per operation: setup and start-up excluded.
      {"minor_faults_per_op", "faults", Better::kLower, kDefaultNoiseThreshold, false,
       "minor_faults_per_op", "minor page faults per operation (timed samples)", ""},
      {"major_faults_per_op", "faults", Better::kLower, kDefaultNoiseThreshold, false,
       "major_faults_per_op", "major page faults per operation (timed samples)", ""},
      {"baseline_rss_kb", "kB", Better::kLower, kDefaultNoiseThreshold, false, "baseline_rss",
       "RSS after setup", ""},
      {"rss_increase_kb", "kB", Better::kLower, kDefaultNoiseThreshold, false, "rss_increase",
       "RSS increase (peak - after setup)", ""},
      // Derived from time_ns and the input size, so compare gates time instead.
      {"throughput_mb_s", "MB/s", Better::kHigher, kDefaultNoiseThreshold, false, "throughput",
       "throughput", ""},
      // Items moved per second (spsc): derived from time_ns and the items per operation.
      {"items_per_s", "items/s", Better::kHigher, kDefaultNoiseThreshold, false, "items_per_s",
       "items per second", ""},
      {"instructions_per_op", "instructions", Better::kLower, kDefaultInstructionThreshold, true,
       "instructions", "instructions per operation (callgrind)", ""},
  };
  return metrics;
}

const MetricSpec* FindBuiltinMetric(std::string_view name) {
  for (const auto& m : BuiltinMetrics()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

bool IsOwnUnit(std::string_view unit) {
  return unit == "ns" || unit == "kB" || unit == "MB/s" || unit == "instructions";
}

std::string FormatMetricValue(const MetricSpec& spec, double value) {
  if (spec.unit == "ns") return FormatNanoseconds(value);
  if (spec.unit == "kB") return FormatKilobytes(value);
  if (spec.unit == "MB/s") return fmt::format("{:.0f} MB/s", value);
  if (spec.unit == "instructions") return FormatCount(value);
  return FormatCount(value) + (spec.unit.empty() ? "" : " " + spec.unit);
}

MetricSpec CounterMetric(std::string counter, std::string unit, Better better,
                         double noise_threshold, bool compared, std::string title) {
  MetricSpec spec{counter,  std::move(unit), better,           noise_threshold,
                  compared, counter,         std::move(title), counter};
  return spec;
}

}  // namespace benchctl
