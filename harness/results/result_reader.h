// Strict, typed reads out of a parsed result file for RunResultFromJson: every value the loader
// keeps is checked for its type and range, and every problem is a benchctl::Error naming the
// file and the key ("results[0].processes[2].median_ns"). Nothing here throws nlohmann's
// exceptions: a wrong type is reported, never converted.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace benchctl {

// Bounds of a number read from a result file, and how an error describes them.
struct NumberRange {
  double low = 0;
  double high = 0;
  const char* meaning = "";  // "a time in ns from 0 to 1e18 (31 years)".
};

// Reads typed values from one file's JSON, naming `source` and the key on error.
class ResultReader {
 public:
  // `source` names the file in every message; it is printed as it is, so pass it escaped.
  explicit ResultReader(std::string source) : source_(std::move(source)) {}

  // obj[key], which must exist and have `type` (number_float accepts any number,
  // number_integer any integer).
  const nlohmann::json& Get(const nlohmann::json& obj, const std::string& key,
                            nlohmann::json::value_t type, const std::string& where) const;
  // Whether obj holds key at all (then its type is checked by the reader that takes it).
  bool Has(const nlohmann::json& obj, const std::string& key) const;

  // A required string.
  std::string Str(const nlohmann::json& obj, const std::string& key,
                  const std::string& where) const;
  // An optional string: `fallback` when the key is missing.
  std::string OptStr(const nlohmann::json& obj, const std::string& key, const std::string& where,
                     const std::string& fallback) const;
  // An optional string: nullopt when the key is missing.
  std::optional<std::string> MaybeStr(const nlohmann::json& obj, const std::string& key,
                                      const std::string& where) const;
  // An optional finite number within `range`: nullopt when the key is missing or null.
  std::optional<double> MaybeNum(const nlohmann::json& obj, const std::string& key,
                                 const std::string& where, const NumberRange& range) const;
  // A required string that must be one of `allowed`.
  std::string OneOf(const nlohmann::json& obj, const std::string& key, const std::string& where,
                    std::initializer_list<std::string_view> allowed) const;
  // A required boolean.
  bool Bool(const nlohmann::json& obj, const std::string& key, const std::string& where) const;
  // A required finite number within `range`.
  double Num(const nlohmann::json& obj, const std::string& key, const std::string& where,
             const NumberRange& range) const;
  // An optional array of finite numbers within `range`: empty when the key is missing.
  std::vector<double> Numbers(const nlohmann::json& obj, const std::string& key,
                              const std::string& where, const NumberRange& range,
                              bool required) const;
  // A required whole number that fits T and is at least `low` (an integral float such as 8.0
  // is accepted; 8.5, or 2^63 for an int64_t, is not).
  template <typename T>
  T Int(const nlohmann::json& obj, const std::string& key, const std::string& where, T low) const {
    return IntValue<T>(Get(obj, key, nlohmann::json::value_t::number_float, where), where + key,
                       low);
  }
  // The whole number `v` (named `name` in errors), as Int checks it.
  template <typename T>
  T IntValue(const nlohmann::json& v, const std::string& name, T low) const {
    if (!v.is_number()) Fail(name, std::string("has type ") + v.type_name());
    std::optional<T> out;
    if (v.is_number_unsigned()) {
      out = Fit<T>(v.get<std::uint64_t>());
    } else if (v.is_number_integer()) {
      out = Fit<T>(v.get<std::int64_t>());
    } else {
      const double d = v.get<double>();
      if (!(std::isfinite(d) && d == std::trunc(d))) Fail(name, "is not a whole number");
      if (d >= 0 && d < 0x1p64) out = Fit<T>(static_cast<std::uint64_t>(d));
      if (d < 0 && d >= -0x1p63) out = Fit<T>(static_cast<std::int64_t>(d));
    }
    if (!out || *out < low) {
      Fail(name, fmt::format("is out of range: {} (must be from {} to {})", v.dump(), low,
                             std::numeric_limits<T>::max()));
    }
    return *out;
  }
  // The array of whole numbers `v` (named `name`), each as IntValue checks it.
  template <typename T>
  std::vector<T> IntsValue(const nlohmann::json& v, const std::string& name, T low) const {
    if (!v.is_array()) Fail(name, std::string("has type ") + v.type_name());
    std::vector<T> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      out.push_back(IntValue<T>(v[i], fmt::format("{}[{}]", name, i), low));
    }
    return out;
  }
  // An optional array of strings: empty when the key is missing.
  std::vector<std::string> Strings(const nlohmann::json& obj, const std::string& key,
                                   const std::string& where) const;
  // An optional object of strings: empty when the key is missing.
  std::map<std::string, std::string> StringMap(const nlohmann::json& obj, const std::string& key,
                                               const std::string& where) const;
  // An optional object copied as it is (counters, artifact): `{}` when the key is missing.
  nlohmann::json Object(const nlohmann::json& obj, const std::string& key,
                        const std::string& where) const;

  // Throws the Error for `key`.
  [[noreturn]] void Fail(const std::string& key, const std::string& problem) const;

 private:
  // `v` as T when T can hold it.
  template <typename T, typename V>
  static std::optional<T> Fit(V v) {
    if (!std::in_range<T>(v)) return std::nullopt;
    return static_cast<T>(v);
  }

  std::string source_;
};

// `obj` without the keys in `typed` (an empty object when `obj` is not an object): what a typed
// block of a result file keeps as it was recorded, so keys this benchctl does not read survive
// a load and a save.
nlohmann::json OtherKeys(const nlohmann::json& obj, std::span<const std::string_view> typed);

}  // namespace benchctl
