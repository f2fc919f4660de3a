// The json suite's inputs: generated documents and the user's own files,
// checked before anything is built, each with its reference values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_gen.h"
#include "result_model.h"

namespace benchctl {

// One document every implementation parses, with its reference values.
struct JsonInput {
  InputInfo info;
  nlohmann::json dom_stats;    // Reference for parse-dom and serialize.
  nlohmann::json typed_stats;  // Reference for parse-typed (generated shapes only).
};

// A generated document must be within this fraction of the size asked for,
// or its label ("twitter-64KB") would misstate what was measured.
inline constexpr double kGeneratedSizeTolerance = 0.25;

// A generated document needs the text, the workload's copy of it and a
// parsed tree in memory at once; this many times its size must be available.
inline constexpr std::uint64_t kGeneratedMemoryFactor = 8;

// Refuses sizes that cannot be honoured before generating anything: zero,
// or more than MemAvailable / kGeneratedMemoryFactor (`available`, when
// known). Throws benchctl::Error naming the option and what to do.
void CheckGeneratedSize(const std::string& size_text, std::uint64_t bytes,
                        std::optional<std::uint64_t> available);

// Generates `shape` at `bytes` with `seed` into `dir` (the run's scratch
// folder). Throws benchctl::Error if the document is not within the
// tolerance of the requested size (the smallest documents of a shape are
// bigger than, e.g., 1KB).
JsonInput GenerateInput(JsonShape shape, std::uint64_t bytes, std::uint64_t seed,
                        const std::filesystem::path& dir);

// Reads the user's document at `path` as input `name`. Throws
// benchctl::Error naming the file when it is missing, a folder, empty,
// unreadable or not valid JSON (with the byte offset).
JsonInput ReadUserInput(const std::filesystem::path& path, const std::string& name);

// Distinct names for the user's files: the base name, or as many parent
// folders as it takes to tell two files of the same base name apart
// ("d1/x.json", "d2/x.json"). Throws benchctl::Error if a file is given twice.
std::vector<std::string> DistinctInputNames(const std::vector<std::filesystem::path>& paths);

}  // namespace benchctl
