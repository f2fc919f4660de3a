// Byte-size parsing and formatting; see byte_size.h for the units.
#include "byte_size.h"

#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <system_error>

#include "error.h"

namespace benchctl {
namespace {

struct Unit {
  std::string_view name;
  std::uint64_t bytes;
};

constexpr std::uint64_t kKilo = 1000;
constexpr std::uint64_t kKibi = 1024;

// Largest first within each family: FormatByteSize takes the first that fits.
constexpr std::array<Unit, 4> kDecimalUnits = {{{"TB", kKilo* kKilo* kKilo* kKilo},
                                                {"GB", kKilo* kKilo* kKilo},
                                                {"MB", kKilo* kKilo},
                                                {"KB", kKilo}}};
constexpr std::array<Unit, 4> kBinaryUnits = {{{"TiB", kKibi* kKibi* kKibi* kKibi},
                                               {"GiB", kKibi* kKibi* kKibi},
                                               {"MiB", kKibi* kKibi},
                                               {"KiB", kKibi}}};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

[[noreturn]] void ThrowBadSize(std::string_view text, std::string_view why) {
  throw Error("invalid size '" + std::string(text) + "': " + std::string(why) +
              "; use a whole number of bytes with an optional unit: B, KB, MB, GB, TB "
              "(powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 4096, 64KB, 50MB, "
              "1GiB");
}

std::uint64_t UnitBytes(std::string_view text, std::string_view unit) {
  if (unit.empty() || EqualsIgnoreCase(unit, "B")) return 1;
  for (const auto* units : {&kDecimalUnits, &kBinaryUnits}) {
    for (const Unit& candidate : *units) {
      if (EqualsIgnoreCase(unit, candidate.name)) return candidate.bytes;
    }
  }
  ThrowBadSize(text, "unknown unit '" + std::string(unit) + "'");
}

}  // namespace

std::uint64_t ParseByteSize(std::string_view text) {
  std::uint64_t count = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [unit_start, ec] = std::from_chars(begin, end, count);
  if (ec == std::errc::result_out_of_range) ThrowBadSize(text, "too large");
  if (ec != std::errc() || unit_start == begin) ThrowBadSize(text, "expected digits first");
  const std::uint64_t unit =
      UnitBytes(text, text.substr(static_cast<std::size_t>(unit_start - begin)));
  if (count > std::numeric_limits<std::uint64_t>::max() / unit) ThrowBadSize(text, "too large");
  return count * unit;
}

std::string FormatByteSize(std::uint64_t bytes) {
  for (const auto* units : {&kDecimalUnits, &kBinaryUnits}) {
    for (const Unit& unit : *units) {
      if (bytes >= unit.bytes && bytes % unit.bytes == 0) {
        return std::to_string(bytes / unit.bytes) + std::string(unit.name);
      }
    }
  }
  if (bytes < kKilo) return std::to_string(bytes) + "B";
  // Not exact: the largest decimal unit in which the value rounds to at least 1.0, in tenths
  // rounded half up, in integers (128-bit so values near 2^64 cannot overflow). Choosing by the
  // rounded value makes 999999 "1.0MB" rather than "1000.0KB".
  for (const Unit& unit : kDecimalUnits) {
    const auto tenths = static_cast<std::uint64_t>(
        (static_cast<unsigned __int128>(bytes) * 10 + unit.bytes / 2) / unit.bytes);
    if (tenths < 10) continue;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + std::string(unit.name);
  }
  BENCHCTL_CHECK(false && "bytes >= 1000 always has a decimal unit");
  return {};
}

}  // namespace benchctl
