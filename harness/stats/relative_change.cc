#include "relative_change.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "error.h"

namespace benchctl {

double ParseRelativeChange(std::string_view text, std::string_view what) {
  const bool percent = !text.empty() && text.back() == '%';
  const std::string_view digits = percent ? text.substr(0, text.size() - 1) : text;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() ||
      !std::isfinite(value) || value < 0.0) {
    throw Error(fmt::format("{} '{}': expected a percentage such as 3% or a fraction such as 0.03",
                            what, text));
  }
  const double fraction = percent ? value / 100.0 : value;
  if (!percent && fraction >= 1.0) {
    throw Error(fmt::format(
        "{} {}: a bare number is a fraction (0.03 = 3%); write {}% if you meant {} percent", what,
        text, text, text));
  }
  if (fraction >= 1.0) {
    throw Error(fmt::format("{} {}: must be below 100%", what, text));
  }
  return fraction;
}

}  // namespace benchctl
