// From what a child did to a verified (or failed) process record: the pieces
// every execution mode shares (each mode's own reading is in modes/), pure
// except for reading a serialized output file.
#pragma once

#include <string>

#include "executor.h"
#include "result_model.h"

namespace benchctl {

// Checks a reported verification value against the job's reference (or the suite's own
// check), then the process's counters if the suite checks them; returns an empty string
// when all is right, else the reason (a wrong value shows both values).
std::string CheckVerification(const JobSpec& job, const nlohmann::json& value,
                              const nlohmann::json& counters = nlohmann::json::object());

// How the child ended if that alone is a failure ("killed by signal 11 ...",
// "timed out ...", "exited with status 2"), else "".
std::string DescribeExit(const RunOutcome& outcome);

// A record with what benchctl measured of any child: times, peak RSS, stderr tail.
ProcessRecord MeasuredRecord(const RunOutcome& outcome);

// Interprets one child's outcome the way the job's mode does (through
// BuiltinModes(): for callers that have no mode registry of their own).
ProcessRecord InterpretOutcome(const JobSpec& job, const RunOutcome& outcome);

}  // namespace benchctl
