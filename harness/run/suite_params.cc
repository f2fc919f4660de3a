#include "suite_params.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "error.h"

namespace benchctl {
namespace {

std::vector<std::string> SplitValues(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma == std::string::npos ? comma : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

const ParameterSpec* FindParam(const std::vector<ParameterSpec>& declared, std::string_view name) {
  auto it = std::find_if(declared.begin(), declared.end(),
                         [name](const ParameterSpec& p) { return p.name == name; });
  return it == declared.end() ? nullptr : &*it;
}

std::string DeclaredNames(const std::vector<ParameterSpec>& declared) {
  if (declared.empty()) return "it declares none";
  std::vector<std::string> names;
  for (const auto& p : declared) names.push_back(p.name);
  return "its parameters: " + fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

std::vector<std::string> DefaultValues(const ParameterSpec& spec, bool quick) {
  return SplitValues(quick && !spec.quick_value.empty() ? spec.quick_value : spec.default_value);
}

void AddParamArgument(const std::string& argument, GivenParams& given) {
  const std::size_t eq = argument.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == argument.size()) {
    throw Error(
        fmt::format("--param {}: expected NAME=VALUE or NAME=V1,V2,... (e.g. --param "
                    "capacity=64,1024)",
                    argument));
  }
  const std::string name = argument.substr(0, eq);
  std::vector<std::string> values = SplitValues(argument.substr(eq + 1));
  if (std::any_of(values.begin(), values.end(), [](const auto& v) { return v.empty(); })) {
    throw Error(
        fmt::format("--param {}: an empty value; separate values with single commas", argument));
  }
  if (given.count(name) != 0) {
    throw Error(fmt::format("--param {} is given twice: give all its values at once ({}=V1,V2)",
                            name, name));
  }
  // A value given twice would make two jobs with one name.
  std::vector<std::string> distinct;
  for (auto& v : values) {
    if (std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
  }
  given[name] = std::move(distinct);
}

void CheckParams(const std::vector<ParameterSpec>& declared, const GivenParams& given,
                 std::string_view suite) {
  for (const auto& [name, values] : given) {
    const ParameterSpec* spec = FindParam(declared, name);
    if (spec == nullptr) {
      throw Error(fmt::format("--param {}: the {} suite has no parameter \"{}\"; {}", name, suite,
                              name, DeclaredNames(declared)));
    }
    for (const auto& value : values) {
      if (std::string problem = spec->check ? spec->check(value) : ""; !problem.empty()) {
        throw Error(
            fmt::format("--param {}={}: {}; allowed: {}", name, value, problem, spec->allowed));
      }
    }
  }
}

std::vector<std::map<std::string, std::string>> ParamCombinations(
    const std::vector<ParameterSpec>& declared, const GivenParams& given, bool quick) {
  std::vector<std::map<std::string, std::string>> combos(1);
  for (const auto& spec : declared) {
    auto it = given.find(spec.name);
    std::vector<std::string> values;
    if (it != given.end()) {
      values = it->second;
    } else {
      values = DefaultValues(spec, quick);
    }
    std::vector<std::map<std::string, std::string>> next;
    for (const auto& combo : combos) {
      for (const auto& v : values) {
        next.push_back(combo);
        next.back()[spec.name] = v;
      }
    }
    combos = std::move(next);
  }
  return combos;
}

std::vector<std::string> SweptParams(const std::vector<ParameterSpec>& declared,
                                     const GivenParams& given, bool quick) {
  std::vector<std::string> out;
  for (const auto& spec : declared) {
    auto it = given.find(spec.name);
    const std::size_t count =
        it != given.end() ? it->second.size() : DefaultValues(spec, quick).size();
    if (count > 1) out.push_back(spec.name);
  }
  return out;
}

std::string CheckWholeNumber(const std::string& text, std::uint64_t low, std::uint64_t high) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return "not a whole number";
  if (value < low || value > high) return fmt::format("out of range {} to {}", low, high);
  return "";
}

std::string ParamEnvName(std::string_view name) {
  std::string out = "BENCHCTL_PARAM_";
  for (char c : name) {
    out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace benchctl
