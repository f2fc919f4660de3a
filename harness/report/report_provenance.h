// The provenance block: everything a reader needs to check where a report's numbers came
// from and to run them again — machine, kernel, CPU sets, noise warnings, toolchains with
// versions and flags, inputs with sha256, seeds, benchctl's commit, dates, and the commands.
#pragma once

#include <string>
#include <vector>

#include "report_document.h"
#include "result_model.h"

namespace benchctl {

// The section for `run`, read from `source`; `title` distinguishes base and new in a
// comparison.
ReportSection ProvenanceSection(const RunResult& run, const std::string& source,
                                const std::string& title);

// `argv` as one POSIX shell command line: words with anything but [A-Za-z0-9_@%+=:,./-]
// single-quoted.
std::string ShellCommand(const std::vector<std::string>& argv);

}  // namespace benchctl
