#include "json_options.h"

#include "byte_size.h"
#include "error.h"
#include "json_gen.h"

namespace benchctl {
namespace {

// "" when `parse` accepts `value`, else its error's text.
template <typename Parse>
std::string ProblemOf(Parse parse, const std::string& value) {
  try {
    parse(value);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

std::vector<SuiteOption> JsonSuiteOptions() {
  return {
      {std::string(kShapeOption), "shapes", "generated input shapes (twitter, citm, canada)", true,
       [](const std::string& v) { return ProblemOf(ParseJsonShape, v); }},
      {std::string(kSizeOption), "sizes", "generated input sizes, e.g. 64KB, 1MB, 50MB", true,
       [](const std::string& v) { return ProblemOf(ParseByteSize, v); }},
      {std::string(kInputOption), "inputs", "your own JSON document (repeatable)", true, nullptr},
  };
}

}  // namespace benchctl
