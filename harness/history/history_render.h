// `history list`, `show` and `check` as text. Every string from the database came from a result
// file, so it is escaped for the terminal (escape.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "history_check.h"
#include "history_store.h"

namespace benchctl {

// A Unicode sparkline of `values`, one block character per value from ▁ (smallest) to █
// (largest); all ▄ when they are equal.
std::string Sparkline(const std::vector<double>& values);

// The runs table: run id, date, suite, commit, machine, jobs, quick; the accepted one marked.
std::string RenderRunList(const std::vector<RunRow>& runs,
                          const std::optional<std::string>& accepted_run_id);

// Per job: a title with the sparkline of run medians, then one row per run (median, 95%
// interval, values, machine/toolchain changes).
std::string RenderTrends(const std::vector<JobTrend>& trends);

// The change points, new ones first, and a last line with the verdict.
std::string RenderFindings(const std::vector<Finding>& findings, std::size_t jobs_checked,
                           const std::optional<std::string>& accepted_run_id);

}  // namespace benchctl
