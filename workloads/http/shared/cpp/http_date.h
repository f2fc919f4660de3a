// The HTTP Date header's text (IMF-fixdate, RFC 9110 section 5.6.7) and a cache of the current
// one, shared by the C++ http servers.
#pragma once

#include <time.h>

#include <array>
#include <cstddef>
#include <ctime>
#include <string_view>

namespace benchhttp {

inline constexpr std::size_t kImfFixdateLength = 29;  // "Tue, 01 Dec 2026 21:00:00 GMT"

// Formats a second since the epoch. Written out by hand: strftime's day and month names follow
// the locale, IMF-fixdate's are always English.
inline std::array<char, kImfFixdateLength> FormatImfFixdate(std::time_t second) {
  constexpr std::string_view kDays = "SunMonTueWedThuFriSat";
  constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  std::tm tm{};
  gmtime_r(&second, &tm);
  std::array<char, kImfFixdateLength> text{};
  char* at = text.data();
  const auto name = [&at](std::string_view names, int index) {
    for (int i = 0; i < 3; ++i) *at++ = names[static_cast<std::size_t>(index * 3 + i)];
  };
  const auto digits = [&at](int value, int width) {
    at += width;
    for (int i = 1; i <= width; ++i, value /= 10) at[-i] = static_cast<char>('0' + value % 10);
  };
  name(kDays, tm.tm_wday);
  *at++ = ',';
  *at++ = ' ';
  digits(tm.tm_mday, 2);
  *at++ = ' ';
  name(kMonths, tm.tm_mon);
  *at++ = ' ';
  digits(tm.tm_year + 1900, 4);
  *at++ = ' ';
  digits(tm.tm_hour, 2);
  *at++ = ':';
  digits(tm.tm_min, 2);
  *at++ = ':';
  digits(tm.tm_sec, 2);
  for (char c : std::string_view(" GMT")) *at++ = c;
  return text;
}

// The current Date text, formatted again only when the wall-clock second changes. One per
// thread: it is not synchronised.
class DateCache {
 public:
  // Reads CLOCK_REALTIME (a vDSO call, no system call) on every use.
  std::string_view Now() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec != second_) {
      second_ = now.tv_sec;
      text_ = FormatImfFixdate(second_);
    }
    return {text_.data(), text_.size()};
  }

 private:
  std::time_t second_ = -1;
  std::array<char, kImfFixdateLength> text_{};
};

}  // namespace benchhttp
