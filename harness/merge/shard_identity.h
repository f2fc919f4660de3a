// The facts that must be equal in every shard of one sharded run, as flat "field → value" lists,
// so a mismatch names its field and both values.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "result_model.h"

namespace benchctl {

using FieldValues = std::map<std::string, nlohmann::json>;

// What shapes the numbers and the plan: every `config` key but `order` and the shard's index
// (suite, filters, the suite's options, params, processes, samples, seeds, quick, instructions,
// against, suite_details without its run-specific input paths), the shard count and plan size,
// benchctl's version, commit and dirty flag, and each toolchain's version.
FieldValues RunIdentity(const RunResult& run);

// The machine: host name, CPU model, logical CPUs, kernel, and the CPUs children ran on.
FieldValues MachineIdentity(const RunResult& run);

// The first field where `a` and `b` differ (a field missing on one side is null there), or "".
std::string FirstDifference(const FieldValues& a, const FieldValues& b);

}  // namespace benchctl
