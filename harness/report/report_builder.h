// Builds a report's document from result files: a run on its own (with its A/B section when
// it is a `run --against` file), or a comparison of two runs (base and new).
#pragma once

#include <string>

#include "report_document.h"
#include "result_model.h"

namespace benchctl {

// The report of one run read from `source`.
ReportDocument BuildRunReport(const RunResult& run, const std::string& source);

// The report of `candidate` against `base`: the changes, the new run's groups and both runs'
// provenance. Throws Error when the runs share no benchmark, or when pairing their values
// would exceed kMaxRatioPairs.
ReportDocument BuildComparisonReport(const RunResult& base, const std::string& base_source,
                                     const RunResult& candidate,
                                     const std::string& candidate_source);

}  // namespace benchctl
