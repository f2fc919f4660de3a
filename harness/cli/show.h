// `benchctl show`: a result file as readable tables.
#pragma once

#include <string>

#include "result_model.h"

namespace benchctl {

// Renders the run: a header with the environment, one table per (suite,
// operation, input) with medians, 95% intervals, throughput, memory and each
// implementation's ratio to the group's fastest (with the ratio's interval),
// then every failure with its reason and stderr tail.
// Every string from the file is escaped for the terminal (escape.h); free-form parts
// (environment, config, toolchains) with unexpected types show a fallback.
std::string RenderRun(const RunResult& run, const std::string& source);

// "complete", or "INCOMPLETE: <stop_reason>; 37 of 120 processes ran"; a file without a
// stop_reason (benchctl was killed by SIGKILL or crashed) says so instead of an empty reason.
std::string CompletionText(const RunResult& run);

}  // namespace benchctl
