// Parsing and walking nlohmann_json's DOM (nlohmann::json) for parse-dom and serialize.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "json/shared/cpp/stats.h"

namespace json_suite {

namespace internal {

inline void Walk(const nlohmann::json& v, int depth, DomStats& s) {
  using Type = nlohmann::json::value_t;
  switch (v.type()) {
    case Type::object: {
      if (depth > kMaxDepth) throw NestingTooDeep();
      const auto& object = v.get_ref<const nlohmann::json::object_t&>();
      ++s.objects;
      s.members += object.size();
      for (const auto& [key, value] : object) {
        s.key_bytes += key.size();
        Walk(value, depth + 1, s);
      }
      return;
    }
    case Type::array: {
      if (depth > kMaxDepth) throw NestingTooDeep();
      const auto& array = v.get_ref<const nlohmann::json::array_t&>();
      ++s.arrays;
      s.elements += array.size();
      for (const nlohmann::json& element : array) Walk(element, depth + 1, s);
      return;
    }
    case Type::string:
      s.values.AddString(v.get_ref<const std::string&>().size());
      return;
    case Type::number_integer:
      s.values.AddNumber(static_cast<double>(v.get<std::int64_t>()));
      return;
    case Type::number_unsigned:
      s.values.AddNumber(static_cast<double>(v.get<std::uint64_t>()));
      return;
    case Type::number_float:  // also integers beyond 64 bits: nlohmann falls back to strtod
      s.values.AddNumber(v.get<double>());
      return;
    case Type::boolean:
      s.values.AddBool(v.get<bool>());
      return;
    case Type::null:
      s.values.AddNull();
      return;
    case Type::binary:
    case Type::discarded:
      break;
  }
  throw std::logic_error("a parsed JSON document holds a binary or discarded value");
}

}  // namespace internal

// The DOM stats of a parsed document. The walk recurses, so it throws NestingTooDeep
// beyond kMaxDepth; nlohmann's own parser and destructor are iterative.
inline DomStats DomStatsOf(const nlohmann::json& doc) {
  DomStats s;
  internal::Walk(doc, 1, s);
  return s;
}

// Writes `doc` as compact JSON into `out`, which is cleared first and keeps its capacity.
// json::dump() can only return a fresh string, so this is dump()'s own body with `out` as the
// sink; detail::serializer is nlohmann's internal class, fixed at the pinned 3.11.2.
inline void DumpInto(const nlohmann::json& doc, std::string& out) {
  out.clear();
  nlohmann::detail::serializer<nlohmann::json> serializer(
      nlohmann::detail::output_adapter<char, std::string>(out), ' ',
      nlohmann::json::error_handler_t::strict);
  serializer.dump(doc, /*pretty_print=*/false, /*ensure_ascii=*/false, /*indent_step=*/0);
}

}  // namespace json_suite
