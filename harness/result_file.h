// Result files: JSON conversion, atomic writes, loading with clear errors.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "result_model.h"

namespace benchctl {

// The file's JSON, including summary statistics computed from the raw records.
nlohmann::json RunResultToJson(const RunResult& run);

// Rebuilds a run from a result file's JSON; throws benchctl::Error naming
// `source` and the offending key when it is not a benchctl result.
RunResult RunResultFromJson(const nlohmann::json& doc, const std::string& source);

// Reads and parses a result file: truncated, empty, enormous, corrupt or
// foreign files give a benchctl::Error naming the file and the problem.
RunResult LoadRunResult(const std::filesystem::path& path);

// Writes `text` to `path` via a temporary file in the same directory and a
// rename, so readers never see a half-written file.
void WriteFileAtomically(const std::filesystem::path& path, const std::string& text);

// Largest result file benchctl will load.
inline constexpr std::uintmax_t kMaxResultFileBytes = 1ull << 30;

}  // namespace benchctl
