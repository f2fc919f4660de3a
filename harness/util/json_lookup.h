// Lenient reads of the free-form parts of a result file (environment, toolchains, config,
// benchctl, artifact): they come from many benchctl versions and can be edited by hand, so a
// missing key or a value of another type shows a fallback instead of throwing. (nlohmann's
// j.value("k", "") throws type_error when "k" holds a number, and on a non-object j.)
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace benchctl {

// obj[key] when `obj` is an object holding `key`, else a null value.
const nlohmann::json& At(const nlohmann::json& obj, std::string_view key);

// The string at obj[key], or `fallback` when it is missing or not a string.
std::string StringAt(const nlohmann::json& obj, std::string_view key, std::string_view fallback);

// The finite number at obj[key], or `fallback` when it is missing, not a number or not finite.
double NumberAt(const nlohmann::json& obj, std::string_view key, double fallback);

// A scalar at obj[key] as people read it: a string as it is, a number or boolean as JSON
// writes it (an integer keeps every digit); `fallback` for anything else.
std::string TextAt(const nlohmann::json& obj, std::string_view key, std::string_view fallback);

// The integers of the array at obj[key]; empty unless it is an array of integers only.
std::vector<std::int64_t> IntegersAt(const nlohmann::json& obj, std::string_view key);

}  // namespace benchctl
