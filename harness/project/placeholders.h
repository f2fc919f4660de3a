// "{name}" substitution in recipe strings (toolchains/*.json).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace benchctl {

// Replaces each {key} in `text`; an unknown {key} is a benchctl::Error that
// lists the known ones.
std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values);

// The keys of every {key} in `text`, in order.
std::vector<std::string> PlaceholderKeys(const std::string& text);

// Expands an argv template: an element holding "{key}" for a key in `lists`
// becomes one argument per list element, keeping its prefix and suffix
// ("-l{libraries}" → "-lsimdjson", ...; none for an empty list); other
// elements are expanded with `values`.
std::vector<std::string> ExpandArgv(const std::vector<std::string>& argv,
                                    const std::map<std::string, std::string>& values,
                                    const std::map<std::string, std::vector<std::string>>& lists);

}  // namespace benchctl
