// Result files: JSON conversion, atomic writes, loading with clear errors.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "atomic_file.h"
#include "result_model.h"

namespace benchctl {

// The file's JSON, including summary statistics computed from the raw records.
nlohmann::json RunResultToJson(const RunResult& run);

// Rebuilds a run from a result file's JSON; throws benchctl::Error naming
// `source` and the offending key when it is not a benchctl result: a wrong type, a missing
// key, nesting deeper than kMaxResultDepth, or a number out of range (negative or non-finite
// times and sizes, times above 1e18 ns or 1e9 s, a status other than ok, failed or
// incomplete).
RunResult RunResultFromJson(const nlohmann::json& doc, const std::string& source);

// Reads and parses a result file: truncated, empty, enormous, deeply nested, corrupt or
// foreign files give a benchctl::Error naming the file and the problem (never an nlohmann
// exception).
RunResult LoadRunResult(const std::filesystem::path& path);

// Largest result file benchctl will load.
inline constexpr std::uintmax_t kMaxResultFileBytes = 1ull << 30;

// Deepest nesting of arrays and objects benchctl will load. Its own files nest fewer than 10
// levels (results[i].processes[k].counters and config.order are the deepest), and copying or
// printing a value recurses once per level, so a deeper file is refused before that.
inline constexpr std::size_t kMaxResultDepth = 64;

}  // namespace benchctl
