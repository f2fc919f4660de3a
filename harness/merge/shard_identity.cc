#include "shard_identity.h"

#include <set>

namespace benchctl {
namespace {

using nlohmann::json;

// suite_details without "path" keys: a generated input's path is in its run's scratch folder,
// different in every run, while its name, seed and sha256 say whether it is the same input.
json WithoutPaths(const json& value) {
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) {
      if (key != "path") out[key] = WithoutPaths(item);
    }
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) out.push_back(WithoutPaths(item));
    return out;
  }
  return value;
}

json At(const json& object, const char* key) {
  return object.is_object() && object.contains(key) ? object.at(key) : json(nullptr);
}

}  // namespace

FieldValues RunIdentity(const RunResult& run) {
  FieldValues fields;
  json config = run.config;
  for (const auto& [key, value] : config.items()) {
    // The order and the shard index differ by design; so does each shard's command line
    // (its --shard and --out), which the merged file keeps per shard.
    if (key == "order" || key == "shard" || key == "command") continue;
    fields["config." + key] = key == "suite_details" ? WithoutPaths(value) : value;
  }
  if (run.config.shard) {
    fields["config.shard.count"] = run.config.shard->count;
    fields["config.shard.jobs_total"] = run.config.shard->jobs_total;
  }
  for (const char* key : {"version", "git_commit", "git_dirty"}) {
    fields[std::string("benchctl.") + key] = At(run.benchctl, key);
  }
  if (run.toolchains.is_object()) {
    for (const auto& [language, toolchain] : run.toolchains.items()) {
      fields["toolchains." + language + ".version"] = At(toolchain, "version");
    }
  }
  return fields;
}

FieldValues MachineIdentity(const RunResult& run) {
  const RecordedSystem& system = run.environment.system;
  FieldValues fields;
  fields["environment.system.hostname"] = At(system.extra, "hostname");
  fields["environment.system.cpu_model"] = system.cpu_model ? json(*system.cpu_model) : json();
  fields["environment.system.logical_cpus"] =
      system.logical_cpus ? json(*system.logical_cpus) : json();
  fields["environment.system.kernel"] = system.kernel ? json(*system.kernel) : json();
  fields["environment.child_cpus"] = run.environment.child_cpus;
  return fields;
}

std::string FirstDifference(const FieldValues& a, const FieldValues& b) {
  std::set<std::string> names;
  for (const auto& [name, value] : a) names.insert(name);
  for (const auto& [name, value] : b) names.insert(name);
  for (const auto& name : names) {
    auto in_a = a.find(name);
    auto in_b = b.find(name);
    json value_a = in_a == a.end() ? json() : in_a->second;
    json value_b = in_b == b.end() ? json() : in_b->second;
    if (value_a != value_b) return name;
  }
  return "";
}

}  // namespace benchctl
