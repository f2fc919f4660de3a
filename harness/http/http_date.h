// IMF-fixdate (RFC 9110 §5.6.7), the form of an HTTP `Date` header:
// "Sun, 06 Nov 1994 08:49:37 GMT". benchctl parses what a server sends to
// check that its clock is current; tests format known instants.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace benchctl {

// The instant `text` names, or nullopt unless it is exactly an IMF-fixdate
// whose weekday matches its date.
std::optional<std::time_t> ParseImfFixdate(std::string_view text);

// `t` (seconds since the epoch, UTC) as an IMF-fixdate.
std::string FormatImfFixdate(std::time_t t);

}  // namespace benchctl
