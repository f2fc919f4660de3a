// Nesting depth limits for JSON from files. nlohmann parses without recursion, but copying,
// comparing and dumping a value recurse once per level, so a file of a million nested
// brackets overflows the stack wherever it is first copied. These checks run before that,
// without recursion themselves.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace benchctl {

// The byte offset of the first '[' or '{' (outside strings) that opens level `max_depth` + 1,
// or nullopt when the text nests no deeper than `max_depth`. Linear; reads JSON text that may
// be invalid (the parser reports that).
std::optional<std::size_t> FindExcessNesting(std::string_view text, std::size_t max_depth);

// Whether `value` nests arrays and objects deeper than `max_depth` (a scalar has depth 0, [] 1).
bool NestsDeeperThan(const nlohmann::json& value, std::size_t max_depth);

}  // namespace benchctl
