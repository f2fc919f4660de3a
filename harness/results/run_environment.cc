#include "run_environment.h"

#include <fmt/format.h>

#include <limits>

namespace benchctl {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 3> kWarningKeys = {"condition", "effect", "fix"};
constexpr std::array<std::string_view, 8> kEnvironmentKeys = {"system",
                                                              "child_cpus",
                                                              "load_generator_cpus",
                                                              "orchestrator_cpus",
                                                              "orchestrator_shares_child_cpus",
                                                              "noise_warnings",
                                                              "memory_read_bandwidth_bytes_per_s",
                                                              "estimated_cpu_hz"};

// A rate measured on the machine (bytes/s, Hz): a measurement too fast to time is a large
// number, not an error.
constexpr NumberRange kRate{0, std::numeric_limits<double>::max(), "a finite number from 0"};

// A CPU list: empty when the key is missing.
std::vector<int> Cpus(const ResultReader& r, const json& obj, const std::string& key,
                      const std::string& where) {
  return r.Has(obj, key) ? r.IntsValue<int>(obj.at(key), where + key, 0) : std::vector<int>{};
}

RecordedSystem ReadSystem(const ResultReader& r, const json& sys, const std::string& where) {
  RecordedSystem s;
  s.cpu_model = r.MaybeStr(sys, "cpu_model", where);
  if (r.Has(sys, "logical_cpus")) s.logical_cpus = r.Int<int>(sys, "logical_cpus", where, 0);
  s.kernel = r.MaybeStr(sys, "kernel", where);
  s.extra = OtherKeys(sys, kRecordedSystemKeys);
  return s;
}

NoiseWarningRecord ReadWarning(const ResultReader& r, const json& w, const std::string& name) {
  if (!w.is_object()) r.Fail(name, std::string("has type ") + w.type_name());
  const std::string where = name + ".";
  return {r.OptStr(w, "condition", where, ""), r.OptStr(w, "effect", where, ""),
          r.OptStr(w, "fix", where, ""), OtherKeys(w, kWarningKeys)};
}

// A measurement recorded as null (a rate that came out infinite) stays as it was recorded.
void KeepNull(json& extra, const json& block, const char* key) {
  if (block.is_object() && block.contains(key) && block.at(key).is_null()) extra[key] = nullptr;
}

// `extra` as the base a block is written over.
json Base(const json& extra) { return extra.is_object() ? extra : json::object(); }

}  // namespace

void to_json(json& j, const RecordedSystem& s) {
  j = Base(s.extra);
  if (s.cpu_model) j["cpu_model"] = *s.cpu_model;
  if (s.logical_cpus) j["logical_cpus"] = *s.logical_cpus;
  if (s.kernel) j["kernel"] = *s.kernel;
}

void to_json(json& j, const NoiseWarningRecord& w) {
  j = Base(w.extra);
  j["condition"] = w.condition;
  j["effect"] = w.effect;
  j["fix"] = w.fix;
}

void to_json(json& j, const RunEnvironment& e) {
  j = Base(e.extra);
  j["system"] = e.system;
  j["child_cpus"] = e.child_cpus;
  j["load_generator_cpus"] = e.load_generator_cpus;
  j["orchestrator_cpus"] = e.orchestrator_cpus;
  j["orchestrator_shares_child_cpus"] = e.orchestrator_shares_child_cpus;
  j["noise_warnings"] = e.noise_warnings;
  if (e.memory_read_bandwidth_bytes_per_s) {
    j["memory_read_bandwidth_bytes_per_s"] = *e.memory_read_bandwidth_bytes_per_s;
  }
  if (e.estimated_cpu_hz) j["estimated_cpu_hz"] = *e.estimated_cpu_hz;
}

RunEnvironment ReadRunEnvironment(const ResultReader& r, const json& env,
                                  const std::string& where) {
  RunEnvironment e;
  if (r.Has(env, "system")) {
    e.system = ReadSystem(r, r.Get(env, "system", json::value_t::object, where), where + "system.");
  }
  e.child_cpus = Cpus(r, env, "child_cpus", where);
  e.load_generator_cpus = Cpus(r, env, "load_generator_cpus", where);  // Absent in older files.
  e.orchestrator_cpus = Cpus(r, env, "orchestrator_cpus", where);
  if (r.Has(env, "orchestrator_shares_child_cpus")) {
    e.orchestrator_shares_child_cpus = r.Bool(env, "orchestrator_shares_child_cpus", where);
  }
  if (r.Has(env, "noise_warnings")) {
    const json& warnings = r.Get(env, "noise_warnings", json::value_t::array, where);
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      e.noise_warnings.push_back(
          ReadWarning(r, warnings[i], fmt::format("{}noise_warnings[{}]", where, i)));
    }
  }
  e.memory_read_bandwidth_bytes_per_s =
      r.MaybeNum(env, "memory_read_bandwidth_bytes_per_s", where, kRate);
  e.estimated_cpu_hz = r.MaybeNum(env, "estimated_cpu_hz", where, kRate);
  e.extra = OtherKeys(env, kEnvironmentKeys);
  KeepNull(e.extra, env, "memory_read_bandwidth_bytes_per_s");
  KeepNull(e.extra, env, "estimated_cpu_hz");
  return e;
}

}  // namespace benchctl
