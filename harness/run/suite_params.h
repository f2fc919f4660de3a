// A suite's declared parameters and `run --param NAME=V1,V2,...`: each parameter reaches the
// child as BENCHCTL_PARAM_<NAME>, every job records the values it ran with, and a swept
// parameter (more than one value) makes one job per value. Everything is checked before
// anything is built or run.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace benchctl {

// One parameter a suite declares (Suite::Parameters).
struct ParameterSpec {
  std::string name;     // "capacity": given as --param capacity=...; lower case.
  std::string allowed;  // The allowed values, as an error prints them: "a power of two ...".
  // Used when --param does not name it; a comma list ("16,64,256") is a default sweep.
  std::string default_value;
  std::string quick_value;  // The default under --quick ("" = default_value); may be a list too.
  // "" when `value` is allowed, else what is wrong with it (the caller names the parameter).
  std::function<std::string(const std::string& value)> check;
};

// The given --param values by name, in the order given.
using GivenParams = std::map<std::string, std::vector<std::string>, std::less<>>;

// Adds one `--param NAME=V1,V2` argument to `given`; throws benchctl::Error on bad syntax or
// a parameter given twice.
void AddParamArgument(const std::string& argument, GivenParams& given);

// Throws benchctl::Error (a usage error: exit 2) for a parameter `declared` does not have or a
// value its check refuses, naming the parameter, the value, what is allowed and the suite.
void CheckParams(const std::vector<ParameterSpec>& declared, const GivenParams& given,
                 std::string_view suite);

// Every combination of values to run, each a full map of name -> value (given values, else
// the defaults; --quick's defaults if `quick`). One empty map when nothing is declared.
std::vector<std::map<std::string, std::string>> ParamCombinations(
    const std::vector<ParameterSpec>& declared, const GivenParams& given, bool quick);

// A parameter's default values (its default_value, or quick_value under --quick, split at commas).
std::vector<std::string> DefaultValues(const ParameterSpec& spec, bool quick);

// The parameters with more than one value, given or by default (they name jobs apart:
// "/capacity=64"), in declaration order.
std::vector<std::string> SweptParams(const std::vector<ParameterSpec>& declared,
                                     const GivenParams& given, bool quick);

// A ParameterSpec::check for whole numbers: "" when `text` is one from `low` to `high`, else
// what is wrong ("not a whole number", "out of range 1 to 100").
std::string CheckWholeNumber(const std::string& text, std::uint64_t low, std::uint64_t high);

// BENCHCTL_PARAM_<NAME>: the child's environment variable for parameter `name`.
std::string ParamEnvName(std::string_view name);

}  // namespace benchctl
