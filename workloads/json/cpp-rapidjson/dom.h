// Walking RapidJSON's DOM (rapidjson::Value) for parse-dom's DOM stats.
#pragma once

#include "json/cpp-rapidjson/library.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {

namespace internal {

// Recursion depth is bounded by ParseInPlace, which refuses nesting deeper than kMaxDepth.
inline void Walk(const rapidjson::Value& v, DomStats& s) {
  switch (v.GetType()) {
    case rapidjson::kObjectType:
      ++s.objects;
      s.members += v.MemberCount();
      for (const auto& member : v.GetObject()) {
        s.key_bytes += member.name.GetStringLength();
        Walk(member.value, s);
      }
      return;
    case rapidjson::kArrayType:
      ++s.arrays;
      s.elements += v.Size();
      for (const rapidjson::Value& element : v.GetArray()) Walk(element, s);
      return;
    case rapidjson::kStringType:
      s.values.AddString(v.GetStringLength());
      return;
    case rapidjson::kNumberType:
      // GetDouble converts a stored 64-bit integer to the nearest double.
      s.values.AddNumber(v.GetDouble());
      return;
    case rapidjson::kTrueType:
      s.values.AddBool(true);
      return;
    case rapidjson::kFalseType:
      s.values.AddBool(false);
      return;
    case rapidjson::kNullType:
      s.values.AddNull();
      return;
  }
}

}  // namespace internal

// The DOM stats of a parsed document.
inline DomStats DomStatsOf(const rapidjson::Value& root) {
  DomStats s;
  internal::Walk(root, s);
  return s;
}

}  // namespace json_suite
