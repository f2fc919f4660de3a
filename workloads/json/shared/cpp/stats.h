// The json suite's verification values (workloads/json/SPEC.md, "Verification values").
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace json_suite {

// Nesting deeper than this is rejected ("nesting too deep") so recursive walks and writers
// cannot overflow the stack. SPEC allows rejecting beyond 128; 1024 is simdjson's default.
inline constexpr int kMaxDepth = 1024;

// A document nested deeper than kMaxDepth.
class NestingTooDeep : public std::runtime_error {
 public:
  NestingTooDeep()
      : std::runtime_error("nesting too deep (more than " + std::to_string(kMaxDepth) +
                           " levels)") {}
};

// SplitMix64's finaliser, the mixing step of number_checksum.
constexpr std::uint64_t Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

// The checksum term of one number: Mix of its binary64 bits, with -0.0 counted as +0.0.
inline std::uint64_t NumberTerm(double value) {
  return Mix(std::bit_cast<std::uint64_t>(value == 0.0 ? 0.0 : value));
}

// A checksum as SPEC writes it: 16 lower-case hex digits.
inline std::string ChecksumHex(std::uint64_t checksum) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(checksum));
  return text;
}

// The typed stats: counts over values, the subset shared with the DOM stats.
struct TypedStats {
  std::uint64_t strings = 0;
  std::uint64_t numbers = 0;
  std::uint64_t trues = 0;
  std::uint64_t falses = 0;
  std::uint64_t nulls = 0;
  std::uint64_t string_bytes = 0;
  std::uint64_t number_checksum = 0;  // sum of NumberTerm mod 2^64

  // Counts a string value of `bytes` decoded UTF-8 bytes.
  void AddString(std::size_t bytes) {
    ++strings;
    string_bytes += bytes;
  }
  // Counts a number value; integers arrive already converted to the nearest double.
  void AddNumber(double value) {
    ++numbers;
    number_checksum += NumberTerm(value);
  }
  // Counts a true or false value.
  void AddBool(bool value) { ++(value ? trues : falses); }
  // Counts a null value.
  void AddNull() { ++nulls; }

  bool operator==(const TypedStats&) const = default;
};

// The DOM stats: the value counts plus the containers' structure.
struct DomStats {
  TypedStats values;
  std::uint64_t objects = 0;
  std::uint64_t arrays = 0;
  std::uint64_t members = 0;
  std::uint64_t elements = 0;
  std::uint64_t key_bytes = 0;

  bool operator==(const DomStats&) const = default;
};

// The verification value of parse-typed.
inline nlohmann::json ToJson(const TypedStats& s) {
  return {{"strings", s.strings},
          {"numbers", s.numbers},
          {"trues", s.trues},
          {"falses", s.falses},
          {"nulls", s.nulls},
          {"string_bytes", s.string_bytes},
          {"number_checksum", ChecksumHex(s.number_checksum)}};
}

// The verification value of parse-dom.
inline nlohmann::json ToJson(const DomStats& s) {
  nlohmann::json out = ToJson(s.values);
  out["objects"] = s.objects;
  out["arrays"] = s.arrays;
  out["members"] = s.members;
  out["elements"] = s.elements;
  out["key_bytes"] = s.key_bytes;
  return out;
}

}  // namespace json_suite
