// `benchctl show`: a result file as readable tables.
#pragma once

#include <string>

#include "result_model.h"

namespace benchctl {

// Renders the run: a header with the environment, one table per (suite,
// operation, input) with medians, 95% intervals, throughput, memory and each
// implementation's ratio to the group's fastest (with the ratio's interval),
// then every failure with its reason and stderr tail.
std::string RenderRun(const RunResult& run, const std::string& source);

}  // namespace benchctl
