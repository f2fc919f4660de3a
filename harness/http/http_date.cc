#include "http_date.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace benchctl {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Exactly `width` decimal digits at `text[pos]`.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  int value = 0;
  const char* begin = text.data() + pos;
  auto [ptr, ec] = std::from_chars(begin, begin + width, value);
  if (ec != std::errc() || ptr != begin + width || *begin == '-' || *begin == '+') {
    return std::nullopt;
  }
  return value;
}

template <std::size_t N>
std::optional<int> IndexOf(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::time_t> ParseImfFixdate(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters with fixed separators.
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  auto weekday = IndexOf(kDays, text.substr(0, 3));
  auto month = IndexOf(kMonths, text.substr(8, 3));
  auto day = Digits(text, 5, 2), year = Digits(text, 12, 4);
  auto hour = Digits(text, 17, 2), minute = Digits(text, 20, 2), second = Digits(text, 23, 2);
  if (!weekday || !month || !day || !year || !hour || !minute || !second) return std::nullopt;
  if (*day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = *year - 1900;
  tm.tm_mon = *month;
  tm.tm_mday = *day;
  tm.tm_hour = *hour;
  tm.tm_min = *minute;
  tm.tm_sec = *second;
  const std::time_t t = timegm(&tm);
  std::tm back{};
  gmtime_r(&t, &back);
  // timegm normalises 31 Feb to March: a day the month lacks is not a date.
  if (back.tm_mday != *day || back.tm_wday != *weekday) return std::nullopt;
  return t;
}

std::string FormatImfFixdate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace benchctl
