// From what a child did to a verified (or failed) process record, pure except
// for reading a serialized output file.
#pragma once

#include <string>

#include "executor.h"
#include "result_model.h"

namespace benchctl {

// Checks a reported verification value against the job's reference; returns
// an empty string when it matches, else the reason showing both values.
std::string CheckVerification(const JobSpec& job, const nlohmann::json& value);

// Interprets one child's outcome: protocol, exit status, verification.
ProcessRecord InterpretOutcome(const JobSpec& job, const RunOutcome& outcome);

}  // namespace benchctl
