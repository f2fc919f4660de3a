// The report's A/B section: per compared metric a forest plot of the changes (candidate ÷ base
// with their intervals) over the noise band a change must clear, and a table with the
// verdicts of compare/compare.h. Works for `run --against` files and for two result files.
#pragma once

#include <string>
#include <vector>

#include "comparability.h"
#include "compare.h"
#include "report_document.h"

namespace benchctl {

// `base_name` and `candidate_name` say what was compared ("base build", a file name).
ReportSection ComparisonSection(const Comparison& comparison,
                                const std::vector<ComparabilityWarning>& warnings,
                                const std::string& base_name, const std::string& candidate_name);

// The colour of a verdict in a forest plot.
std::string VerdictColour(Verdict verdict);

}  // namespace benchctl
