// A result file's `environment` block (results/SCHEMA.md): the machine a run had and the CPUs
// it gave each role. Typed where benchctl reads a value (show, compare); every other key is
// kept as it was recorded, so a file survives a load and a save.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result_reader.h"

namespace benchctl {

// `environment.system`: the typed facts of the machine; the rest of SystemInfo::ToJson
// (hostname, governors, load average, ...) stays in `extra`.
struct RecordedSystem {
  std::optional<std::string> cpu_model;  // nullopt: not recorded.
  std::optional<int> logical_cpus;
  std::optional<std::string> kernel;
  nlohmann::json extra = nlohmann::json::object();  // Every other key, as recorded.

  bool operator==(const RecordedSystem&) const = default;
};

// The keys RecordedSystem types (the rest go to `extra`).
inline constexpr std::array<std::string_view, 3> kRecordedSystemKeys = {"cpu_model", "logical_cpus",
                                                                        "kernel"};

// One of `environment.noise_warnings` (measure/noise_warnings.h).
struct NoiseWarningRecord {
  std::string condition, effect, fix;
  nlohmann::json extra = nlohmann::json::object();

  bool operator==(const NoiseWarningRecord&) const = default;
};

// The whole `environment` block.
struct RunEnvironment {
  RecordedSystem system;
  std::vector<int> child_cpus;           // Every measured child is pinned here.
  std::vector<int> load_generator_cpus;  // Empty unless the suite runs a load generator.
  std::vector<int> orchestrator_cpus;
  bool orchestrator_shares_child_cpus = false;
  std::vector<NoiseWarningRecord> noise_warnings;
  // Measured for throughput runs only (not with --quick); nullopt: not measured.
  std::optional<double> memory_read_bandwidth_bytes_per_s;
  std::optional<double> estimated_cpu_hz;
  nlohmann::json extra = nlohmann::json::object();  // Every other key, as recorded.

  bool operator==(const RunEnvironment&) const = default;
};

// The JSON as result files hold it: the typed keys over `extra`.
void to_json(nlohmann::json& j, const RecordedSystem& system);
void to_json(nlohmann::json& j, const NoiseWarningRecord& warning);
void to_json(nlohmann::json& j, const RunEnvironment& environment);

// Reads `env` (its keys named with the prefix `where`, e.g. "environment."). A missing key gives
// the default; a value of the wrong type or out of range is a benchctl::Error from `reader` naming
// the key
// ("environment.system.logical_cpus"). A null measurement reads as not measured and is kept
// as recorded.
RunEnvironment ReadRunEnvironment(const ResultReader& reader, const nlohmann::json& env,
                                  const std::string& where);

}  // namespace benchctl
