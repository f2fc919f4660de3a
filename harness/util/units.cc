#include "units.h"

#include <fmt/format.h>

#include <cmath>

namespace benchctl {

std::string FormatNanoseconds(double ns) {
  const char* unit = "ns";
  double v = ns;
  if (std::abs(ns) >= 1e9) {
    v = ns / 1e9;
    unit = "s";
  } else if (std::abs(ns) >= 1e6) {
    v = ns / 1e6;
    unit = "ms";
  } else if (std::abs(ns) >= 1e3) {
    v = ns / 1e3;
    unit = "µs";
  }
  int decimals = std::abs(v) >= 100 ? 1 : std::abs(v) >= 10 ? 2 : 3;
  return fmt::format("{:.{}f} {}", v, decimals, unit);
}

std::string FormatBytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB"};
  int i = 0;
  double v = bytes;
  while (std::abs(v) >= 1024 && i < 3) {
    v /= 1024;
    ++i;
  }
  return i == 0 ? fmt::format("{:.0f} B", v) : fmt::format("{:.1f} {}", v, units[i]);
}

std::string FormatKilobytes(double kb) { return FormatBytes(kb * 1024); }

std::string FormatCount(double n) {
  if (n >= 1e9) return fmt::format("{:#.3g}G", n / 1e9);
  if (n >= 1e6) return fmt::format("{:#.3g}M", n / 1e6);
  if (n >= 1e3) return fmt::format("{:#.3g}k", n / 1e3);
  return fmt::format("{:#.3g}", n);
}

}  // namespace benchctl
