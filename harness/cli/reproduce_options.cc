#include "reproduce_options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "error.h"
#include "escape.h"
#include "json_options.h"
#include "result_reader.h"
#include "shard.h"
#include "suite_registry.h"

namespace benchctl {
namespace {

using nlohmann::json;

[[noreturn]] void Refuse(const std::string& source, const std::string& problem) {
  throw Error(fmt::format("{}: {}: this file cannot be reproduced", source, problem));
}

// The recorded user documents (config.suite_details.inputs with shape "user"), in the order
// the run read them: their absolute paths, where --input recorded them as given.
std::vector<std::string> RecordedUserInputs(const ResultReader& r, const json& details) {
  std::vector<std::string> paths;
  if (!r.Has(details, "inputs")) return paths;
  const json& inputs = r.Get(details, "inputs", json::value_t::array, "config.suite_details.");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string name = fmt::format("config.suite_details.inputs[{}]", i);
    const std::string where = name + ".";
    if (!inputs[i].is_object()) r.Fail(name, "is not a JSON object");
    if (r.OptStr(inputs[i], "shape", where, "") == "user") {
      paths.push_back(r.Str(inputs[i], "path", where));
    }
  }
  return paths;
}

// The suite's own options (SuiteOption), recorded under their config keys.
void ReadSuiteOptions(const ResultReader& r, const RunConfig& c, const std::string& source,
                      RunOptions& o) {
  for (const DeclaredOption& d : DeclaredSuiteOptions()) {
    if (d.suite != o.suite) continue;
    std::vector<std::string> values = r.Strings(c.extra, d.option.config_key, "config.");
    if (values.empty()) continue;
    if (d.option.name == kInputOption) {
      // Recorded as typed, possibly relative to another folder: use the absolute paths.
      std::vector<std::string> absolute = RecordedUserInputs(r, c.suite_details);
      if (absolute.size() != values.size()) {
        Refuse(source, fmt::format("config.{} lists {} files but config.suite_details.inputs "
                                   "has {} user documents",
                                   d.option.config_key, values.size(), absolute.size()));
      }
      values = absolute;
    }
    o.suite_options[d.option.name] = values;
  }
}

}  // namespace

RecordedRun OptionsFromResult(const RunResult& run, const std::string& source) {
  const RunConfig& c = run.config;
  const ResultReader r(source);
  RecordedRun out;
  RunOptions& o = out.options;
  if (!c.suite) Refuse(source, "config.suite is not recorded");
  std::vector<std::string> suites = SuiteNames();
  if (std::find(suites.begin(), suites.end(), *c.suite) == suites.end()) {
    Refuse(source, fmt::format("config.suite '{}' is not a suite of this benchctl (it has: {}); "
                               "reproduce it with the benchctl that wrote it",
                               ForTerminal(*c.suite), fmt::join(suites, ", ")));
  }
  o.suite = *c.suite;
  if (c.processes <= 0) Refuse(source, "config.processes is not recorded");
  if (c.samples <= 0) Refuse(source, "config.samples is not recorded");
  if (c.min_sample_ms <= 0) Refuse(source, "config.min_sample_ms is not recorded");
  if (c.timeout_seconds <= 0) Refuse(source, "config.timeout_seconds is not recorded");
  o.languages = c.languages;
  o.impls = c.impls;
  o.operations = c.operations;
  o.processes = c.processes;
  o.samples = c.samples;
  o.warmup = c.warmup;
  o.min_sample_ms = c.min_sample_ms;
  o.timeout_seconds = c.timeout_seconds;
  o.seed = c.seed;
  o.input_seed = c.input_seed;
  o.quick = c.quick;
  if (c.instructions) o.instructions = c.instructions->measurements;
  // One shard of a sharded run is re-run as that shard; a merged file (no index) as the whole
  // plan, which is what it holds.
  if (c.shard && c.shard->index) o.shard = ShardSpec{*c.shard->index, c.shard->count};
  if (c.cpus) {
    o.cpus = *c.cpus;
    out.cpus_recorded = true;
  }
  ReadSuiteOptions(r, c, source, o);
  if (r.Has(c.extra, "params")) {
    const json& params = r.Get(c.extra, "params", json::value_t::object, "config.");
    for (const auto& [name, values] : params.items()) {
      o.params[name] = r.Strings(params, name, "config.params.");
    }
  }
  if (c.against) {
    if (c.against->commit.empty()) {
      Refuse(source, "config.against records an A/B run without the base's commit");
    }
    out.against = c.against->commit;
  }
  return out;
}

void CheckInputsMatch(const json& recorded, const json& prepared, const std::string& source) {
  const ResultReader r(source);
  std::map<std::string, std::string> now;  // name -> sha256 of the prepared inputs.
  if (prepared.contains("inputs")) {
    for (const json& in : prepared.at("inputs")) {
      now[in.at("name").get<std::string>()] = in.at("sha256").get<std::string>();
    }
  }
  std::map<std::string, std::string> then;
  if (r.Has(recorded, "inputs")) {
    const json& inputs = r.Get(recorded, "inputs", json::value_t::array, "config.suite_details.");
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const std::string name = fmt::format("config.suite_details.inputs[{}]", i);
      const std::string where = name + ".";
      if (!inputs[i].is_object()) r.Fail(name, "is not a JSON object");
      then[r.Str(inputs[i], "name", where)] = r.Str(inputs[i], "sha256", where);
    }
  }
  for (const auto& [name, sha] : then) {
    auto it = now.find(name);
    if (it == now.end()) {
      throw Error(fmt::format(
          "{}: input '{}' was recorded but is not among the inputs prepared now; this file "
          "cannot be reproduced by this benchctl",
          source, ForTerminal(name)));
    }
    if (it->second != sha) {
      throw Error(fmt::format(
          "{}: input '{}' has sha256 {} now but {} was recorded: the document is not the one "
          "measured (a changed --input file: restore it; a generated one: this benchctl's "
          "generator differs from the one that wrote the file); start a new run with "
          "`benchctl run` instead",
          source, ForTerminal(name), it->second, ForTerminal(sha)));
    }
  }
  for (const auto& [name, sha] : now) {
    if (!then.contains(name)) {
      throw Error(
          fmt::format("{}: input '{}' is prepared now but was not recorded; this file "
                      "cannot be reproduced by this benchctl",
                      source, ForTerminal(name)));
    }
  }
}

}  // namespace benchctl
