// Human-readable numbers for tables.
#pragma once

#include <string>

namespace benchctl {

// 1234.5 ns → "1.23 µs"; three significant digits.
std::string FormatNanoseconds(double ns);
// 2048 kB → "2.0 MiB".
std::string FormatKilobytes(double kb);
// Bytes → "1.2 MiB".
std::string FormatBytes(double bytes);
// A count such as instructions per operation → "3.30M" (three significant digits, SI).
std::string FormatCount(double n);

}  // namespace benchctl
