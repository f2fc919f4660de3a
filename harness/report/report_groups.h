// The report's sections for one run's results: one per group of comparable jobs (the grouping
// `show` uses, results/job_groups.h) with its charts and tables, and the language summary.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "comparison.h"
#include "report_document.h"
#include "result_model.h"

namespace benchctl {

// Language → colour, the same in every chart of a document.
using LanguageColours = std::map<std::string, std::string>;

// Colours for the languages of `runs`, assigned in sorted order from a palette that stays
// distinguishable for the common kinds of colour blindness.
LanguageColours AssignLanguageColours(const std::vector<const RunResult*>& runs);

// `row`'s time over `base`'s with the ratio's interval (LogRatio over per-process times, as
// `show`'s ratio column), or nullopt when either has fewer than two positive times or the
// pair count exceeds kMaxRatioPairs.
std::optional<ShiftEstimate> TimeRatio(const JobResult& row, const JobResult& base);

// A job's name in charts and tables: its implementation, with "@label" in an A/B run.
std::string RowName(const JobSpec& spec);

// One section per group, in the run's order.
std::vector<ReportSection> GroupSections(const RunResult& run, const LanguageColours& colours);

// Each language's fastest implementation per group as a ratio to the fastest of the suite's
// reference language; nullopt when no group has two languages.
std::optional<ReportSection> LanguageSummarySection(const RunResult& run);

}  // namespace benchctl
