// The spsc suite's parameters (workloads/spsc/SPEC.md "Parameters"), read and checked in setup.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "benchlib.h"

namespace spsc {

// The two operations of SPEC.md.
enum class Operation { kThroughput, kLatency };

// Every parameter, checked.
struct Params {
  Operation operation = Operation::kThroughput;
  std::uint64_t capacity = 0;     // slots per queue, a power of two >= 2
  std::uint64_t items = 0;        // per throughput iteration, a positive multiple of capacity/2
  std::uint64_t round_trips = 0;  // per latency iteration, >= 1
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

// The parameter `name` as an integer >= 1; throws benchlib::Error naming it.
inline std::uint64_t Positive(const ParamLookup& lookup, std::string_view name) {
  const std::string text = Text(lookup, name);
  const std::optional<std::int64_t> value = benchlib::ParseInteger(text, 1);
  if (!value) throw Invalid(name, text, "is not an integer >= 1");
  return static_cast<std::uint64_t>(*value);
}

}  // namespace internal

// Reads and checks every parameter (all are required, whatever the operation); throws
// benchlib::Error naming the first one that breaks its rule.
inline Params ParseParams(const ParamLookup& lookup) {
  Params params;
  const std::string op = internal::Text(lookup, "OP");
  if (op == "throughput") {
    params.operation = Operation::kThroughput;
  } else if (op == "latency") {
    params.operation = Operation::kLatency;
  } else {
    throw internal::Invalid("OP", op, "is not an operation of spsc (throughput or latency)");
  }
  params.capacity = internal::Positive(lookup, "CAPACITY");
  if (params.capacity < 2 || (params.capacity & (params.capacity - 1)) != 0) {
    throw internal::Invalid("CAPACITY", std::to_string(params.capacity),
                            "is not a power of two >= 2");
  }
  params.items = internal::Positive(lookup, "ITEMS");
  if (params.items % (params.capacity / 2) != 0) {
    throw internal::Invalid(
        "ITEMS", std::to_string(params.items),
        "is not a multiple of CAPACITY/2 = " + std::to_string(params.capacity / 2));
  }
  params.round_trips = internal::Positive(lookup, "ROUND_TRIPS");
  return params;
}

// The parameters of this process.
inline Params ReadParams(const benchlib::Session& session) {
  return ParseParams([&session](std::string_view name) { return session.OptionalParam(name); });
}

}  // namespace spsc
