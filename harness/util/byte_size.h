// Byte sizes on the command line (`--size 50MB`) and in reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace benchctl {

// Parses a size: digits with an optional unit, no spaces or fractions. Units are SI decimal,
// as disk and network sizes are: B = 1, KB = 1000, MB = 10^6, GB = 10^9, TB = 10^12; the IEC
// binary units KiB = 1024, MiB = 2^20, GiB = 2^30, TiB = 2^40 mean what they say. Units are
// case-insensitive ("64kb" = "64KB"). Throws benchctl::Error listing the allowed forms.
std::uint64_t ParseByteSize(std::string_view text);

// Formats a size for people: "512B", exact multiples as "64KB"/"64KiB"/"50MB" (which
// ParseByteSize reads back to the same value), anything else rounded to one decimal, "51.2MB".
std::string FormatByteSize(std::uint64_t bytes);

}  // namespace benchctl
