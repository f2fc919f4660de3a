#include "json_fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>

#include "error.h"

namespace benchctl {

StrictObject StrictObject::Load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot be read", path.string()));
  nlohmann::json value = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) {
    throw Error(fmt::format("{}: is not a JSON object (check its syntax)", path.string()));
  }
  return StrictObject(std::move(value), path.string(), "");
}

StrictObject::StrictObject(nlohmann::json value, std::string file, std::string prefix)
    : value_(std::move(value)), file_(std::move(file)), prefix_(std::move(prefix)) {}

void StrictObject::Fail(const std::string& key, const std::string& problem) const {
  throw Error(fmt::format("{}: key `{}{}` {}", file_, prefix_, key, problem));
}

const nlohmann::json& StrictObject::Take(const std::string& key) {
  taken_.insert(key);
  if (!value_.contains(key)) Fail(key, "is missing");
  return value_.at(key);
}

std::string StrictObject::String(const std::string& key, const std::vector<std::string>& allowed) {
  const auto& v = Take(key);
  if (!v.is_string()) Fail(key, "must be a string");
  std::string s = v.get<std::string>();
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
    Fail(key, fmt::format("is \"{}\"; allowed values: {}", s, fmt::join(allowed, ", ")));
  }
  return s;
}

std::string StrictObject::OptionalString(const std::string& key, const std::string& fallback) {
  taken_.insert(key);
  if (!value_.contains(key)) return fallback;
  return String(key);
}

bool StrictObject::OptionalBool(const std::string& key, bool fallback) {
  taken_.insert(key);
  if (!value_.contains(key)) return fallback;
  const auto& v = Take(key);
  if (!v.is_boolean()) Fail(key, "must be true or false");
  return v.get<bool>();
}

long StrictObject::Integer(const std::string& key) {
  const auto& v = Take(key);
  if (!v.is_number_integer()) Fail(key, "must be an integer");
  return v.get<long>();
}

std::vector<std::string> StrictObject::StringList(const std::string& key, bool required) {
  taken_.insert(key);
  if (!value_.contains(key)) {
    if (required) Fail(key, "is missing");
    return {};
  }
  const auto& v = value_.at(key);
  if (!v.is_array()) Fail(key, "must be a list of strings");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string()) Fail(key, "must be a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> StrictObject::StringMap(const std::string& key) {
  taken_.insert(key);
  std::map<std::string, std::string> out;
  if (!value_.contains(key)) return out;
  const auto& v = value_.at(key);
  if (!v.is_object()) Fail(key, "must be an object of strings");
  for (const auto& [k, item] : v.items()) {
    if (!item.is_string()) Fail(key + "." + k, "must be a string");
    out[k] = item.get<std::string>();
  }
  return out;
}

StrictObject StrictObject::Object(const std::string& key) {
  const auto& v = Take(key);
  if (!v.is_object()) Fail(key, "must be an object");
  return StrictObject(v, file_, prefix_ + key + ".");
}

nlohmann::json StrictObject::Raw(const std::string& key) {
  taken_.insert(key);
  return value_.contains(key) ? value_.at(key) : nlohmann::json();
}

void StrictObject::RejectUnknownKeys() const {
  for (const auto& [key, unused] : value_.items()) {
    if (!taken_.contains(key)) {
      Fail(key, fmt::format("is not a known key; allowed keys: {}", fmt::join(taken_, ", ")));
    }
  }
}

}  // namespace benchctl
