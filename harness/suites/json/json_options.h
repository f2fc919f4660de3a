// The json suite's own options of `benchctl run` (SuiteOption, run/suite.h): which documents
// it parses. Generic code registers them and refuses them for other suites.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "suite.h"

namespace benchctl {

// Option names, as the suite reads them from RunOptions::SuiteOptionValues.
inline constexpr std::string_view kShapeOption = "shape";  // --shape twitter
inline constexpr std::string_view kSizeOption = "size";    // --size 64KB
inline constexpr std::string_view kInputOption = "input";  // --input FILE

// --shape, --size and --input, recorded in the config as `shapes`, `sizes` and `inputs`.
// A shape name and a size's syntax are checked here; sizes against memory, generated sizes
// and the files themselves when the suite prepares its inputs (json_inputs.h).
std::vector<SuiteOption> JsonSuiteOptions();

}  // namespace benchctl
