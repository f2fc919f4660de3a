#include "seed_option.h"

#include <fmt/format.h>

#include <charconv>

#include "error.h"

namespace benchctl {

std::uint64_t ParseSeedOption(const std::string& option, const std::string& text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (!digits || ec != std::errc() || ptr != end) {
    throw Error(
        fmt::format("{} {}: a seed is a whole number from 0 to {}", option, text, UINT64_MAX));
  }
  return value;
}

}  // namespace benchctl
