// `benchctl show`: a result file as readable tables.
#pragma once

#include <string>

#include "result_model.h"
#include "show_columns.h"

namespace benchctl {

// Renders the run: a header with the environment, one table per (suite,
// operation, input) with medians, intervals (labelled with their real coverage),
// throughput, memory and each implementation's ratio to the group's fastest (with
// the ratio's interval), a summary of each language's fastest, then every failure
// with its reason and stderr tail. By default every line fits options.width columns
// (columns that are empty for the suite are left out, long names end in '…', prose
// wraps); options.wide keeps every column and full names.
// Every string from the file is escaped for the terminal (escape.h); free-form parts
// (environment, config, toolchains) with unexpected types show a fallback.
std::string RenderRun(const RunResult& run, const std::string& source,
                      const ShowOptions& options = {});

// "complete", or "INCOMPLETE: <stop_reason>; 37 of 120 processes ran"; a file without a
// stop_reason (benchctl was killed by SIGKILL or crashed) says so instead of an empty reason.
std::string CompletionText(const RunResult& run);

}  // namespace benchctl
