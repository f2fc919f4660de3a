// benchctl's own reference for the json suite's verification values (workloads/json/SPEC.md).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace benchctl {

// The SPEC's DOM stats of one document; the typed stats are a subset of these fields.
struct JsonStats {
  std::uint64_t objects = 0;          // objects, the root included
  std::uint64_t arrays = 0;           // arrays, the root included
  std::uint64_t strings = 0;          // string values (keys are not counted)
  std::uint64_t numbers = 0;          // number values
  std::uint64_t trues = 0;            // true values
  std::uint64_t falses = 0;           // false values
  std::uint64_t nulls = 0;            // null values
  std::uint64_t members = 0;          // key/value pairs over all objects
  std::uint64_t elements = 0;         // elements over all arrays
  std::uint64_t string_bytes = 0;     // UTF-8 bytes of all decoded string values
  std::uint64_t key_bytes = 0;        // UTF-8 bytes of all decoded object keys
  std::uint64_t number_checksum = 0;  // sum mod 2^64 of SplitMix64Mix(bits(value))

  // Field-wise equality, for comparing a re-parsed serialize output with its input.
  bool operator==(const JsonStats&) const = default;

  // The DOM stats object the parse-dom operation reports (checksum as 16 hex digits).
  nlohmann::json ToDomJson() const;

  // The typed stats object the parse-typed operation reports (the SPEC's subset).
  nlohmann::json ToTypedJson() const;
};

// Formats a checksum as the SPEC writes it: 16 lower-case hex digits.
std::string FormatChecksum(std::uint64_t checksum);

// The SPEC's contribution of one number value to number_checksum (-0.0 counts as +0.0).
std::uint64_t NumberChecksumTerm(double value);

// Computes the DOM stats of `text` with nlohmann_json's SAX parser, which never builds a tree and
// keeps its nesting stack on the heap, so huge or deeply nested documents are fine. Throws
// benchctl::Error "<name_for_errors>: invalid JSON at byte <offset>: <reason>" for invalid input
// (including invalid UTF-8), and a clear error for an empty file.
JsonStats ComputeJsonStats(std::string_view text, const std::string& name_for_errors);

}  // namespace benchctl
