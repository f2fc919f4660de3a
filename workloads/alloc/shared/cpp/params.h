// The alloc suite's parameters (workloads/alloc/SPEC.md "Parameters"), read and checked in
// setup. benchctl sets every one and refuses values out of range before anything runs; the
// checks here make a hand-run process fail the same way, naming the parameter.
#pragma once

#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "benchlib.h"

namespace alloc {

// The three operations of SPEC.md.
enum class Operation { kBinaryTrees, kChurn, kRequestArena };

// Every parameter, checked (all are required, whatever the operation).
struct Params {
  Operation operation = Operation::kBinaryTrees;
  int depth = 0;               // binary-trees max depth, 6 ... 24
  std::uint64_t live = 0;      // churn live-set slots, 1 ... 10^6
  std::uint64_t ops = 0;       // churn operations per iteration, 1 ... 10^9
  std::uint64_t requests = 0;  // request-arena requests per iteration, 1 ... 10^6
  std::uint64_t nodes = 0;     // request-arena nodes per request, 1 ... 10^6
  std::uint64_t seed = 0;      // any u64
};

// Looks BENCHCTL_PARAM_<name> up; nullopt when unset. Injectable so the checks are testable.
using ParamLookup = std::function<std::optional<std::string>(std::string_view)>;

namespace internal {

// The parameter `name` as text; throws benchlib::Error if unset.
inline std::string Text(const ParamLookup& lookup, std::string_view name) {
  std::optional<std::string> text = lookup(name);
  if (!text) throw benchlib::Error("parameter BENCHCTL_PARAM_" + std::string(name) + " is unset");
  return *std::move(text);
}

// "BENCHCTL_PARAM_<name>=<text> <problem>", the shape of every parameter error.
inline benchlib::Error Invalid(std::string_view name, std::string_view text,
                               std::string_view problem) {
  return benchlib::Error("BENCHCTL_PARAM_" + std::string(name) + "=" + std::string(text) + " " +
                         std::string(problem));
}

// `text` as a decimal u64 (digits only); nullopt if malformed or above 2^64 - 1.
inline std::optional<std::uint64_t> ParseU64(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The parameter `name` as an integer in [low, high]; throws benchlib::Error naming it.
inline std::uint64_t InRange(const ParamLookup& lookup, std::string_view name, std::uint64_t low,
                             std::uint64_t high) {
  const std::string text = Text(lookup, name);
  const std::optional<std::uint64_t> value = ParseU64(text);
  if (!value || *value < low || *value > high) {
    throw Invalid(name, text,
                  "is not an integer in " + std::to_string(low) + " ... " + std::to_string(high));
  }
  return *value;
}

}  // namespace internal

// Reads and checks every parameter; throws benchlib::Error naming the first one that breaks
// its rule.
inline Params ParseParams(const ParamLookup& lookup) {
  Params params;
  const std::string op = internal::Text(lookup, "OP");
  if (op == "binary-trees") {
    params.operation = Operation::kBinaryTrees;
  } else if (op == "churn") {
    params.operation = Operation::kChurn;
  } else if (op == "request-arena") {
    params.operation = Operation::kRequestArena;
  } else {
    throw internal::Invalid("OP", op,
                            "is not an operation of alloc (binary-trees, churn or request-arena)");
  }
  params.depth = static_cast<int>(internal::InRange(lookup, "DEPTH", 6, 24));
  params.live = internal::InRange(lookup, "LIVE", 1, 1'000'000);
  params.ops = internal::InRange(lookup, "OPS", 1, 1'000'000'000);
  params.requests = internal::InRange(lookup, "REQUESTS", 1, 1'000'000);
  params.nodes = internal::InRange(lookup, "NODES", 1, 1'000'000);
  const std::string seed = internal::Text(lookup, "SEED");
  const std::optional<std::uint64_t> seed_value = internal::ParseU64(seed);
  if (!seed_value) throw internal::Invalid("SEED", seed, "is not an integer in 0 ... 2^64 - 1");
  params.seed = *seed_value;
  return params;
}

// The parameters of this process.
inline Params ReadParams(const benchlib::Session& session) {
  return ParseParams([&session](std::string_view name) { return session.OptionalParam(name); });
}

}  // namespace alloc
