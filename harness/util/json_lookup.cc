#include "json_lookup.h"

#include <algorithm>
#include <cmath>

namespace benchctl {

const nlohmann::json& At(const nlohmann::json& obj, std::string_view key) {
  static const nlohmann::json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(std::string(key));
  return it == obj.end() ? kNull : *it;
}

std::string StringAt(const nlohmann::json& obj, std::string_view key, std::string_view fallback) {
  const nlohmann::json& v = At(obj, key);
  return v.is_string() ? v.get<std::string>() : std::string(fallback);
}

double NumberAt(const nlohmann::json& obj, std::string_view key, double fallback) {
  const nlohmann::json& v = At(obj, key);
  if (!v.is_number()) return fallback;
  double d = v.get<double>();
  return std::isfinite(d) ? d : fallback;
}

std::string TextAt(const nlohmann::json& obj, std::string_view key, std::string_view fallback) {
  const nlohmann::json& v = At(obj, key);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  return std::string(fallback);
}

std::vector<std::int64_t> IntegersAt(const nlohmann::json& obj, std::string_view key) {
  const nlohmann::json& v = At(obj, key);
  if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const nlohmann::json& e) {
        return e.is_number_integer() &&
               !(e.is_number_unsigned() && e.get<std::uint64_t>() > INT64_MAX);
      })) {
    return {};
  }
  std::vector<std::int64_t> out;
  for (const auto& e : v) out.push_back(e.get<std::int64_t>());
  return out;
}

}  // namespace benchctl
