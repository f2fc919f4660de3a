// From stored series to trends (one point per run) and to `history check`'s findings: which
// change points are regressions, improvements, or coincide with a machine or toolchain change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "change_point.h"
#include "history_store.h"

namespace benchctl {

// One run of a job's trend: what a table row, a sparkline character or (later) a chart point
// with its interval band needs.
struct TrendPoint {
  std::string run_id, started_utc;
  std::size_t run = 0;  // Index into ListRuns' order.
  std::size_t n = 0;    // Values of the run (verified processes).
  double median = 0, ci_low = 0, ci_high = 0;
  bool quick = false;
  // Set when this run's machine (hostname, CPU model, kernel) or the job language's toolchain
  // version differs from the previous point's; the text says what changed.
  std::string machine_change, toolchain_change;
};

// A job's metric across runs.
struct JobTrend {
  std::string job_id, metric, unit, better;  // better: "lower", "higher", or "" when unknown.
  double noise_threshold = 0;
  std::vector<TrendPoint> points;
};

// Trends of `series` (LoadSeries) with the runs' machine and toolchain changes marked.
std::vector<JobTrend> BuildTrends(const std::vector<StoredSeries>& series,
                                  const std::vector<RunRow>& runs);

enum class FindingKind {
  kRegression,        // Worse by more than the noise threshold.
  kImprovement,       // Better by more than the noise threshold.
  kWithinNoise,       // A significant step smaller than the noise threshold.
  kChange,            // The metric's direction is unknown: a change, not a verdict.
  kMachineChanged,    // Coincides with a machine change: not attributed to the code.
  kToolchainChanged,  // Coincides with a toolchain version change.
};

const char* FindingKindName(FindingKind kind);

// A change point of one job's trend.
struct Finding {
  std::string job_id, metric;
  std::size_t point = 0;  // Index into the trend's points: the first run after the change.
  std::string run_id;
  double change = 0;  // Median of run medians after / before, minus 1.
  double p_value = 1;
  FindingKind kind = FindingKind::kChange;
  bool is_new = true;  // After the accepted run (or no run was accepted).
};

// Change points of every trend (medians on a log scale, so a step is relative), classified.
// `accepted_run` is an index into ListRuns' order: change points at or before it are not new.
std::vector<Finding> CheckTrends(const std::vector<JobTrend>& trends,
                                 std::optional<std::size_t> accepted_run,
                                 const ChangePointOptions& options);

}  // namespace benchctl
