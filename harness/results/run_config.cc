#include "run_config.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace benchctl {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 19> kConfigKeys = {
    "suite",         "languages", "impls",         "operations",      "processes",
    "samples",       "warmup",    "min_sample_ms", "timeout_seconds", "seed",
    "input_seed",    "quick",     "order",         "instructions",    "against",
    "suite_details", "shard",     "cpus",          "command"};
constexpr std::array<std::string_view, 2> kInstructionsKeys = {"measurements", "valgrind_version"};
constexpr std::array<std::string_view, 2> kAgainstKeys = {"rev", "commit"};
constexpr std::array<std::string_view, 3> kShardKeys = {"index", "count", "jobs_total"};

constexpr NumberRange kMilliseconds{0, 1e18, "a time in ms from 0 to 1e18"};
constexpr NumberRange kSeconds{0, 1e9, "a time in seconds from 0 to 1e9"};

// An optional whole number >= 0: 0 when the key is missing.
template <typename T>
T OptInt(const ResultReader& r, const json& obj, const std::string& key, const std::string& w) {
  return r.Has(obj, key) ? r.Int<T>(obj, key, w, T{0}) : T{0};
}

double OptNum(const ResultReader& r, const json& obj, const std::string& key, const std::string& w,
              const NumberRange& range) {
  return r.Has(obj, key) ? r.Num(obj, key, w, range) : 0.0;
}

// Whether `key` holds something other than null (null blocks read as not recorded).
bool Present(const json& obj, const char* key) {
  return obj.is_object() && obj.contains(key) && !obj.at(key).is_null();
}

std::vector<std::vector<std::size_t>> ReadOrder(const ResultReader& r, const json& config,
                                                const std::string& where) {
  std::vector<std::vector<std::size_t>> order;
  if (!r.Has(config, "order")) return order;
  const json& rounds = r.Get(config, "order", json::value_t::array, where);
  order.reserve(rounds.size());
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    order.push_back(
        r.IntsValue<std::size_t>(rounds[i], fmt::format("{}order[{}]", where, i), std::size_t{0}));
  }
  return order;
}

std::optional<InstructionsConfig> ReadInstructions(const ResultReader& r, const json& config,
                                                   const std::string& where) {
  if (!Present(config, "instructions")) return std::nullopt;
  const json& j = r.Get(config, "instructions", json::value_t::object, where);
  const std::string w = where + "instructions.";
  InstructionsConfig c;
  c.measurements = OptInt<int>(r, j, "measurements", w);
  c.valgrind_version = r.MaybeStr(j, "valgrind_version", w);
  c.extra = OtherKeys(j, kInstructionsKeys);
  return c;
}

std::optional<AgainstRevision> ReadAgainst(const ResultReader& r, const json& config,
                                           const std::string& where) {
  if (!Present(config, "against")) return std::nullopt;
  const json& j = r.Get(config, "against", json::value_t::object, where);
  const std::string w = where + "against.";
  return AgainstRevision{r.OptStr(j, "rev", w, ""), r.OptStr(j, "commit", w, ""),
                         OtherKeys(j, kAgainstKeys)};
}

std::optional<ShardConfig> ReadShard(const ResultReader& r, const json& config,
                                     const std::string& where) {
  if (!Present(config, "shard")) return std::nullopt;
  const json& j = r.Get(config, "shard", json::value_t::object, where);
  const std::string w = where + "shard.";
  ShardConfig c;
  c.count = r.Int<int>(j, "count", w, 1);
  c.jobs_total = r.Int<std::size_t>(j, "jobs_total", w, std::size_t{0});
  if (Present(j, "index")) {
    c.index = r.Int<int>(j, "index", w, 1);
    if (*c.index > c.count) {
      r.Fail(w + "index", fmt::format("{} is above the shard count {}", *c.index, c.count));
    }
  }
  c.extra = OtherKeys(j, kShardKeys);
  return c;
}

}  // namespace

std::size_t RunConfig::PlannedProcesses() const {
  std::size_t planned = 0;
  for (const auto& round : order) planned += round.size();
  return planned;
}

void to_json(json& j, const InstructionsConfig& c) {
  j = c.extra.is_object() ? c.extra : json::object();
  j["measurements"] = c.measurements;
  if (c.valgrind_version) j["valgrind_version"] = *c.valgrind_version;
}

void to_json(json& j, const AgainstRevision& a) {
  j = a.extra.is_object() ? a.extra : json::object();
  j["rev"] = a.rev;
  j["commit"] = a.commit;
}

void to_json(json& j, const ShardConfig& c) {
  j = c.extra.is_object() ? c.extra : json::object();
  if (c.index) j["index"] = *c.index;
  j["count"] = c.count;
  j["jobs_total"] = c.jobs_total;
}

void to_json(json& j, const RunConfig& c) {
  j = c.extra.is_object() ? c.extra : json::object();
  if (c.suite) j["suite"] = *c.suite;
  j["languages"] = c.languages;
  j["impls"] = c.impls;
  j["operations"] = c.operations;
  j["processes"] = c.processes;
  j["samples"] = c.samples;
  j["warmup"] = c.warmup;
  j["min_sample_ms"] = c.min_sample_ms;
  j["timeout_seconds"] = c.timeout_seconds;
  j["seed"] = c.seed;
  j["input_seed"] = c.input_seed;
  j["quick"] = c.quick;
  j["order"] = c.order;
  j["instructions"] = c.instructions ? json(*c.instructions) : json(nullptr);
  if (c.against) j["against"] = *c.against;
  if (c.shard) j["shard"] = *c.shard;
  if (c.cpus) j["cpus"] = *c.cpus;
  if (!c.command.empty()) j["command"] = c.command;
  j["suite_details"] = c.suite_details;
}

RunConfig ReadRunConfig(const ResultReader& r, const json& config, const std::string& where) {
  RunConfig c;
  c.suite = r.MaybeStr(config, "suite", where);
  c.languages = r.Strings(config, "languages", where);
  c.impls = r.Strings(config, "impls", where);
  c.operations = r.Strings(config, "operations", where);
  c.processes = OptInt<int>(r, config, "processes", where);
  c.samples = OptInt<int>(r, config, "samples", where);
  c.warmup = OptInt<int>(r, config, "warmup", where);
  c.min_sample_ms = OptNum(r, config, "min_sample_ms", where, kMilliseconds);
  c.timeout_seconds = OptNum(r, config, "timeout_seconds", where, kSeconds);
  c.seed = OptInt<std::uint64_t>(r, config, "seed", where);
  c.input_seed = OptInt<std::uint64_t>(r, config, "input_seed", where);
  if (r.Has(config, "quick")) c.quick = r.Bool(config, "quick", where);
  c.order = ReadOrder(r, config, where);
  c.instructions = ReadInstructions(r, config, where);
  c.against = ReadAgainst(r, config, where);
  c.shard = ReadShard(r, config, where);
  c.suite_details = r.Object(config, "suite_details", where);
  c.cpus = r.MaybeStr(config, "cpus", where);
  c.command = r.Strings(config, "command", where);
  c.extra = OtherKeys(config, kConfigKeys);
  // An `against` recorded as null stays as it was recorded (`instructions` is always written).
  if (r.Has(config, "against") && config.at("against").is_null()) c.extra["against"] = nullptr;
  return c;
}

}  // namespace benchctl
