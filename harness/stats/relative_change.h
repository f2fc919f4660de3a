// Relative changes on the command line (`--threshold 3%` or `--threshold 0.03`).
#pragma once

#include <string_view>

namespace benchctl {

// Parses a relative change: a percentage with a `%` sign ("3%", "0.5%") or a bare fraction
// ("0.03"). A bare number of 1 or more is refused: "2" almost always means 2%, and reading it
// as 200% would silently switch the gate off. `what` names the option in the error. Throws
// benchctl::Error; the result is a fraction in [0, 1).
double ParseRelativeChange(std::string_view text, std::string_view what);

}  // namespace benchctl
