// Reading a seed option exactly: a seed that cannot be honoured is refused,
// never wrapped, clamped or replaced.
#pragma once

#include <cstdint>
#include <string>

namespace benchctl {

// Parses `text` as a whole number from 0 to 2^64 - 1 (decimal digits only).
// Throws benchctl::Error naming `option` otherwise ("-1", "1e3", too large).
std::uint64_t ParseSeedOption(const std::string& option, const std::string& text);

}  // namespace benchctl
