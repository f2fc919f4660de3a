// A check shared by the tests of escaped output (escape.h): whether text would make a terminal
// act instead of print.
#pragma once

#include <string>

namespace benchctl::testing {

// Whether `s` holds a byte a terminal acts on: a C0 control other than '\n' (and '\t' when
// `allow_tab`, benchstat's field separator), DEL, or a UTF-8-encoded C1 control.
inline bool HasRawControl(const std::string& s, bool allow_tab = true) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    if ((u < 0x20 && u != '\n' && !(allow_tab && u == '\t')) || u == 0x7F) return true;
    if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

}  // namespace benchctl::testing
