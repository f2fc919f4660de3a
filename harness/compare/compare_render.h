// `benchctl compare` output: a terminal table, Markdown for CI comments, or JSON for tools.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "comparability.h"
#include "compare.h"

namespace benchctl {

// Whether to colour: `mode` is auto, always or never; auto colours a terminal
// unless NO_COLOR is set to a non-empty value (no-color.org).
bool UseColor(const std::string& mode, bool terminal);

// What a report shows: the comparison, what makes it doubtful, and where the runs came from.
struct CompareReport {
  Comparison comparison;
  std::vector<ComparabilityWarning> warnings;
  std::string base_source, candidate_source;  // File names, or "FILE (base build)".
};

// Aligned plain-text tables, one per metric; ANSI colours on verdicts when `color`.
std::string RenderCompareTable(const CompareReport& report, bool color);

// GitHub-flavoured Markdown: the same tables, for a pull-request comment or job summary.
std::string RenderCompareMarkdown(const CompareReport& report);

// Every number of the report, for other tools.
nlohmann::json CompareReportToJson(const CompareReport& report);

}  // namespace benchctl
