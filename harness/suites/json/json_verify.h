// The JSON suite's check of `serialize`: the workload reports how many bytes it
// wrote, and benchctl re-parses the file and compares its DOM statistics.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace benchctl {

// "" when `value` is {"output_bytes": N}, the file at `output_path` has N bytes
// and re-parses to the DOM statistics `expected`; else the reason.
std::string CheckSerializedOutput(const std::string& output_path, const nlohmann::json& expected,
                                  const nlohmann::json& value);

}  // namespace benchctl
