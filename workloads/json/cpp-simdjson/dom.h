// simdjson DOM: the walk behind the DOM stats, and the parse-dom iteration shared by the
// workload (main.cc) and the Google Benchmark cross-check
// (tools/crosscheck/gbench_crosscheck.cc, outside this folder so it is not part of the
// workload's build key).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "json/shared/cpp/stats.h"

namespace json_suite {

namespace internal {

// Recursion depth is bounded by the parser's max_depth (kMaxDepth): deeper documents never
// parse. The tape stores each container's size saturated at 2^24 - 1, so children are counted.
inline void Walk(simdjson::dom::element v, DomStats& s) {
  using Type = simdjson::dom::element_type;
  switch (v.type()) {
    case Type::OBJECT: {
      // Named, not iterated in place: value_unsafe() returns a reference into a temporary.
      const simdjson::dom::object object = v.get_object().value_unsafe();
      ++s.objects;
      for (const simdjson::dom::key_value_pair field : object) {
        ++s.members;
        s.key_bytes += field.key.size();
        Walk(field.value, s);
      }
      return;
    }
    case Type::ARRAY: {
      const simdjson::dom::array array = v.get_array().value_unsafe();
      ++s.arrays;
      for (const simdjson::dom::element element : array) {
        ++s.elements;
        Walk(element, s);
      }
      return;
    }
    case Type::STRING:
      s.values.AddString(v.get_string_length().value_unsafe());
      return;
    case Type::INT64:
      s.values.AddNumber(static_cast<double>(v.get_int64().value_unsafe()));
      return;
    case Type::UINT64:
      s.values.AddNumber(static_cast<double>(v.get_uint64().value_unsafe()));
      return;
    case Type::DOUBLE:
      s.values.AddNumber(v.get_double().value_unsafe());
      return;
    case Type::BOOL:
      s.values.AddBool(v.get_bool().value_unsafe());
      return;
    case Type::NULL_VALUE:
      s.values.AddNull();
      return;
  }
}

}  // namespace internal

// The DOM stats of a parsed document.
inline DomStats DomStatsOf(simdjson::dom::element root) {
  DomStats s;
  internal::Walk(root, s);
  return s;
}

// One parse-dom iteration over a fixed input: copy it into the padded buffer, parse with the
// reused parser, walk. Buffer and parser are allocated once, at construction (setup).
class ParseDomIteration {
 public:
  // Keeps a view of `input`, which must outlive this object.
  explicit ParseDomIteration(std::string_view input) : input_(input), buffer_(input.size()) {
    if (const simdjson::error_code error = parser_.allocate(input.size(), kMaxDepth)) {
      throw simdjson::simdjson_error(error);
    }
  }

  // Runs one iteration; throws simdjson::simdjson_error on an invalid document.
  DomStats operator()() {
    std::memcpy(buffer_.data(), input_.data(), input_.size());
    return DomStatsOf(parser_.parse(buffer_).value());
  }

 private:
  std::string_view input_;
  simdjson::padded_string buffer_;  // input_.size() bytes plus SIMDJSON_PADDING
  simdjson::dom::parser parser_;
};

}  // namespace json_suite
