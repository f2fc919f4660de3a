#include "comparability.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

namespace benchctl {
namespace {

using nlohmann::json;

constexpr const char* kNotRecorded = "(not recorded)";

// A JSON value as people read it: strings bare, arrays of strings space-joined (build argv),
// anything else compact JSON.
std::string Show(const json& v) {
  if (v.is_null()) return kNotRecorded;
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty() &&
      std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); })) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : " ") + e.get<std::string>();
    return out;
  }
  return v.dump();
}

// v[key] when v is an object holding it, else null: result files come from many versions.
json Field(const json& v, const char* key) {
  return v.is_object() && v.contains(key) ? v.at(key) : json();
}

void Check(std::vector<ComparabilityWarning>& out, const std::string& what, const json& base,
           const json& candidate) {
  if (base != candidate) out.push_back({what, Show(base), Show(candidate)});
}

// A typed value that may not be recorded, as Check compares it.
json Recorded(const std::optional<std::string>& value) { return value ? json(*value) : json(); }

// Input name → sha256 over the jobs that satisfy `keep`.
template <typename Keep>
std::map<std::string, std::string> InputHashes(const RunResult& run, Keep keep) {
  std::map<std::string, std::string> hashes;
  for (const auto& job : run.jobs) {
    if (job.spec.input && keep(job.spec)) hashes[job.spec.input->name] = job.spec.input->sha256;
  }
  return hashes;
}

void CheckInputs(std::vector<ComparabilityWarning>& out,
                 const std::map<std::string, std::string>& base,
                 const std::map<std::string, std::string>& candidate) {
  for (const auto& [name, hash] : base) {
    auto it = candidate.find(name);
    if (it != candidate.end() && it->second != hash) {
      out.push_back({"input " + name + " sha256", hash, it->second});
    }
  }
}

}  // namespace

std::string ComparabilityWarning::Message() const {
  return fmt::format("{} differs: base '{}', candidate '{}'", what, base, candidate);
}

std::vector<ComparabilityWarning> CheckRunsComparable(const RunResult& base,
                                                      const RunResult& candidate) {
  std::vector<ComparabilityWarning> out;
  Check(out, "suite", Recorded(base.config.suite), Recorded(candidate.config.suite));
  Check(out, "CPU model", Recorded(base.environment.system.cpu_model),
        Recorded(candidate.environment.system.cpu_model));
  Check(out, "benchctl version", Field(base.benchctl, "version"),
        Field(candidate.benchctl, "version"));
  // Only languages both runs used: a language run on one side shows up as one-sided rows.
  if (base.toolchains.is_object() && candidate.toolchains.is_object()) {
    for (const auto& [lang, b] : base.toolchains.items()) {
      if (!candidate.toolchains.contains(lang)) continue;
      const json& c = candidate.toolchains.at(lang);
      for (const char* key : {"version", "build_argv", "build_env", "policy"}) {
        Check(out, fmt::format("{} toolchain {}", lang, key), Field(b, key), Field(c, key));
      }
    }
  }
  // Instruction counts depend on valgrind's CPU model; only when both runs counted.
  const auto& bi = base.config.instructions;
  const auto& ci = candidate.config.instructions;
  if (bi && ci) {
    Check(out, "valgrind version", Recorded(bi->valgrind_version), Recorded(ci->valgrind_version));
  }
  auto all = [](const JobSpec&) { return true; };
  CheckInputs(out, InputHashes(base, all), InputHashes(candidate, all));
  return out;
}

std::vector<ComparabilityWarning> CheckBuildsComparable(const RunResult& run) {
  std::vector<ComparabilityWarning> out;
  CheckInputs(out, InputHashes(run, [](const JobSpec& s) { return s.build_label == "base"; }),
              InputHashes(run, [](const JobSpec& s) { return s.build_label == "candidate"; }));
  return out;
}

}  // namespace benchctl
