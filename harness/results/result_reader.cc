#include "result_reader.h"

#include <algorithm>

#include "error.h"
#include "escape.h"

namespace benchctl {

using nlohmann::json;

const json& ResultReader::Get(const json& obj, const std::string& key, json::value_t type,
                              const std::string& where) const {
  if (!obj.is_object()) {
    // `where` is "" at the top level, else a path ending in '.': "results[3].".
    Fail(where.empty() ? "(top level)" : where.substr(0, where.size() - 1), "is not a JSON object");
  }
  auto it = obj.find(key);
  if (it == obj.end()) Fail(where + key, "is missing");
  const json& v = *it;
  bool ok = v.type() == type || (type == json::value_t::number_float && v.is_number()) ||
            (type == json::value_t::number_integer && v.is_number_integer());
  if (!ok) Fail(where + key, std::string("has type ") + v.type_name());
  return v;
}

bool ResultReader::Has(const json& obj, const std::string& key) const {
  return obj.is_object() && obj.contains(key);
}

std::string ResultReader::Str(const json& obj, const std::string& key,
                              const std::string& where) const {
  return Get(obj, key, json::value_t::string, where).get<std::string>();
}

std::string ResultReader::OptStr(const json& obj, const std::string& key, const std::string& where,
                                 const std::string& fallback) const {
  return Has(obj, key) ? Str(obj, key, where) : fallback;
}

std::optional<std::string> ResultReader::MaybeStr(const json& obj, const std::string& key,
                                                  const std::string& where) const {
  if (!Has(obj, key)) return std::nullopt;
  return Str(obj, key, where);
}

std::string ResultReader::OneOf(const json& obj, const std::string& key, const std::string& where,
                                std::initializer_list<std::string_view> allowed) const {
  std::string value = Str(obj, key, where);
  std::string list;
  for (std::string_view a : allowed) {
    if (value == a) return value;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  Fail(where + key, fmt::format("is {} (allowed: {})", json(value).dump(), list));
}

bool ResultReader::Bool(const json& obj, const std::string& key, const std::string& where) const {
  return Get(obj, key, json::value_t::boolean, where).get<bool>();
}

namespace {

// Whether `v` is a finite number in `range`; the problem otherwise.
std::string RangeProblem(const json& v, const NumberRange& range) {
  double d = v.get<double>();
  if (!std::isfinite(d)) return "is not a finite number";
  if (d >= range.low && d <= range.high) return "";
  return fmt::format("is out of range: {} (must be {})", v.dump(), range.meaning);
}

}  // namespace

double ResultReader::Num(const json& obj, const std::string& key, const std::string& where,
                         const NumberRange& range) const {
  const json& v = Get(obj, key, json::value_t::number_float, where);
  if (std::string problem = RangeProblem(v, range); !problem.empty()) Fail(where + key, problem);
  return v.get<double>();
}

std::optional<double> ResultReader::MaybeNum(const json& obj, const std::string& key,
                                             const std::string& where,
                                             const NumberRange& range) const {
  if (!Has(obj, key) || obj.at(key).is_null()) return std::nullopt;
  return Num(obj, key, where, range);
}

std::vector<double> ResultReader::Numbers(const json& obj, const std::string& key,
                                          const std::string& where, const NumberRange& range,
                                          bool required) const {
  std::vector<double> out;
  if (!required && !Has(obj, key)) return out;
  const json& array = Get(obj, key, json::value_t::array, where);
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const json& v = array[i];
    std::string name = fmt::format("{}{}[{}]", where, key, i);
    if (!v.is_number()) Fail(name, std::string("has type ") + v.type_name());
    if (std::string problem = RangeProblem(v, range); !problem.empty()) Fail(name, problem);
    out.push_back(v.get<double>());
  }
  return out;
}

std::vector<std::string> ResultReader::Strings(const json& obj, const std::string& key,
                                               const std::string& where) const {
  std::vector<std::string> out;
  if (!Has(obj, key)) return out;
  const json& array = Get(obj, key, json::value_t::array, where);
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) {
      Fail(fmt::format("{}{}[{}]", where, key, i), std::string("has type ") + array[i].type_name());
    }
    out.push_back(array[i].get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> ResultReader::StringMap(const json& obj, const std::string& key,
                                                           const std::string& where) const {
  std::map<std::string, std::string> out;
  if (!Has(obj, key)) return out;
  for (const auto& [name, value] : Get(obj, key, json::value_t::object, where).items()) {
    if (!value.is_string()) {
      Fail(fmt::format("{}{}.{}", where, key, name), std::string("has type ") + value.type_name());
    }
    out[name] = value.get<std::string>();
  }
  return out;
}

json ResultReader::Object(const json& obj, const std::string& key, const std::string& where) const {
  return Has(obj, key) ? Get(obj, key, json::value_t::object, where) : json::object();
}

json OtherKeys(const json& obj, std::span<const std::string_view> typed) {
  json out = json::object();
  if (!obj.is_object()) return out;
  for (const auto& [key, value] : obj.items()) {
    if (std::find(typed.begin(), typed.end(), key) == typed.end()) out[key] = value;
  }
  return out;
}

void ResultReader::Fail(const std::string& key, const std::string& problem) const {
  // Keys and values in the message can come from the file: printed, they must stay text.
  throw Error(
      ForTerminal(fmt::format("{}: not a benchctl result file: `{}` {}", source_, key, problem)));
}

}  // namespace benchctl
