// Regression comparison of two runs, or of the base and candidate builds of one A/B run
// (README.md, "Catching regressions in CI"): pairs jobs, then per metric a rank test over
// per-process values, Holm's correction across every test, a ratio interval and a verdict. Pure: no
// I/O.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comparison.h"
#include "metric.h"
#include "result_model.h"
#include "statistics.h"

namespace benchctl {

// The processes per side of `run --against` unless --processes is given: with 120 per side the
// time interval's half-width is about 4.5% on the 2-CPU shared VM, which is what the default
// noise threshold (kDefaultNoiseThreshold, results/metric.h) was chosen against.
inline constexpr int kAbDefaultProcesses = 120;
// Family-wise significance level for the Holm-adjusted Mann–Whitney p-values.
inline constexpr double kDefaultAlpha = 0.05;
// Fewest verified processes per side for a verdict other than "inconclusive".
inline constexpr std::size_t kDefaultMinProcesses = 5;

// Knobs of a comparison. The three thresholds are `compare`'s flags for the built-in gated
// metrics; any other metric uses the noise threshold it declares (results/metric.h).
struct CompareOptions {
  double threshold = kDefaultNoiseThreshold;                    // For time per operation.
  double memory_threshold = kDefaultNoiseThreshold;             // For peak RSS.
  double instruction_threshold = kDefaultInstructionThreshold;  // For instructions per op.
  double alpha = kDefaultAlpha;
  std::size_t min_processes = kDefaultMinProcesses;
};

// What identifies "the same benchmark" in two result files.
struct JobKey {
  std::string suite, operation, language, impl, input;  // input: "" when the job reads none.
  std::string build_label;                              // Only set when both sides are A/B runs.
  auto operator<=>(const JobKey&) const = default;
};

// The key of a job; `with_label` keeps its build_label.
JobKey JobKeyOf(const JobSpec& spec, bool with_label);

// "json/parse-dom/rust-serde/twitter-1MB", with "@label" when the key has one.
std::string JobKeyName(const JobKey& key);

// One benchmark × metric compared between base and candidate.
struct CompareRow {
  JobKey key;
  MetricSpec metric;        // Which metric, its unit and direction; reports use metric.label.
  Summary base, candidate;  // Per-process values: ns per op, kB of peak RSS, instructions per op.
  double median_ratio = 1;  // candidate median / base median.
  ShiftEstimate ratio;      // Hodges–Lehmann ratio candidate/base on log values (LogRatio).
  double p_value = 1;       // Two-sided Mann–Whitney over per-process values.
  double adjusted_p = 1;    // Holm–Bonferroni across every row of the comparison.
  Verdict verdict = Verdict::kInconclusive;
};

// A benchmark that could not be compared, and why.
struct UncomparedJob {
  JobKey key;
  std::string base_status, candidate_status;  // Job status, or "absent".
  std::string reason;
};

// Everything `benchctl compare` reports.
struct Comparison {
  CompareOptions options;
  std::vector<CompareRow> rows;           // Grouped by metric, in the jobs' metric order.
  std::vector<JobKey> only_base;          // Present in the base only.
  std::vector<JobKey> only_candidate;     // Present in the candidate only.
  std::vector<UncomparedJob> uncompared;  // Failed, incomplete or without usable values.
  // Rows that could not be significant whatever the data: too few processes (or counts) per side
  // for Holm over this many tests. Each is at best "no change" or "inconclusive".
  std::size_t underpowered = 0;

  // The geometric mean of the ratio estimates of the metric labelled `label` (the summary row),
  // if any row has it.
  std::optional<double> Geomean(std::string_view label) const;
  // The noise threshold that applies to `metric`.
  double ThresholdOf(const MetricSpec& metric) const;
  // The labels of the metrics compared, in row order.
  std::vector<std::string> MetricLabels() const;
};

// Compares two runs. Jobs pair by suite, operation, language, impl and input name, and also by
// build label when both runs are A/B runs. Throws Error when a side holds two jobs with the same
// key (the pairing would be ambiguous) or when an option is out of range.
Comparison CompareRuns(const RunResult& base, const RunResult& candidate,
                       const CompareOptions& options = {});

// Compares the "base" and "candidate" build_label jobs of one A/B run (`run --against`).
// Throws Error when the run holds no A/B jobs.
Comparison CompareBuilds(const RunResult& run, const CompareOptions& options = {});

// The rows of CompareBuilds with default options.
std::vector<CompareRow> CompareWithinRun(const RunResult& run);

// Whether the candidate regressed: a row with a regression verdict, or a job that failed or did
// not finish in the candidate (a broken benchmark must not pass the gate).
bool HasRegression(const Comparison& comparison);

// Number of rows with `verdict`.
std::size_t CountVerdicts(const Comparison& comparison, Verdict verdict);

}  // namespace benchctl
