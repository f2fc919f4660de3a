// The json suite's reference stats, computed by streaming nlohmann_json's SAX events.
#include "json_reference.h"

#include <bit>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "error.h"
#include "splitmix64.h"

namespace benchctl {
namespace {

// The longest "last read" excerpt kept from nlohmann's message: the whole token so far can be a
// multi-megabyte string.
constexpr std::size_t kMaxTokenExcerpt = 40;

// Counts SAX events. nlohmann's sax_parse takes any type with these members, so no virtual calls.
class StatsSax {
 public:
  using Json = nlohmann::json;

  bool null() {
    ++stats_.nulls;
    return true;
  }
  bool boolean(bool value) {
    ++(value ? stats_.trues : stats_.falses);
    return true;
  }
  // Integers convert to the nearest double, exactly as the SPEC's "binary64 nearest" asks.
  bool number_integer(Json::number_integer_t value) { return Number(static_cast<double>(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return Number(static_cast<double>(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) {
    return Number(value);
  }
  bool string(Json::string_t& value) {
    ++stats_.strings;
    stats_.string_bytes += value.size();
    return true;
  }
  bool binary(Json::binary_t& /*value*/) { return true; }  // JSON text has no binary values
  bool start_object(std::size_t /*size*/) {
    ++stats_.objects;
    return true;
  }
  bool key(Json::string_t& value) {
    ++stats_.members;
    stats_.key_bytes += value.size();
    return true;
  }
  bool end_object() { return true; }
  bool start_array(std::size_t /*size*/) {
    ++stats_.arrays;
    return true;
  }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) {
    error_position_ = position;
    error_message_ = error.what();
    return false;
  }

  // The stats so far; complete once sax_parse returned true.
  JsonStats& Stats() { return stats_; }
  // nlohmann's 1-based index of the byte it stopped at (length + 1 at the end of input).
  std::size_t ErrorPosition() const { return error_position_; }
  // nlohmann's full error message.
  const std::string& ErrorMessage() const { return error_message_; }

 private:
  bool Number(double value) {
    ++stats_.numbers;
    stats_.number_checksum += NumberChecksumTerm(value);  // unsigned: wraps mod 2^64
    return true;
  }

  JsonStats stats_;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

// Bytes outside printable ASCII as \xNN, so a message quoting broken UTF-8 is itself valid UTF-8
// and can go into a JSON result file.
std::string EscapeForMessage(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out += c;
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      out += hex;
    }
  }
  return out;
}

// nlohmann's reason without its "[json.exception.parse_error.101] parse error at line 1,
// column 4: " prefix (we report a byte offset instead) and with the last-read token shortened.
std::string ReasonFromMessage(std::string_view message) {
  if (message.starts_with('[')) {
    const std::size_t end = message.find("] ");
    if (end != std::string_view::npos) message.remove_prefix(end + 2);
  }
  if (message.starts_with("parse error")) {
    const std::size_t colon = message.find(": ");
    if (colon != std::string_view::npos) message.remove_prefix(colon + 2);
  }
  constexpr std::string_view kLastRead = "; last read: '";
  const std::size_t token_start = message.find(kLastRead);
  if (token_start == std::string_view::npos || !message.ends_with('\'')) {
    return EscapeForMessage(message);
  }
  std::string_view token = message.substr(token_start + kLastRead.size());
  token.remove_suffix(1);
  std::string reason = EscapeForMessage(message.substr(0, token_start + kLastRead.size()));
  if (token.size() > kMaxTokenExcerpt) {
    token.remove_prefix(token.size() - kMaxTokenExcerpt);
    reason += "...";
  }
  return reason + EscapeForMessage(token) + "'";
}

}  // namespace

nlohmann::json JsonStats::ToDomJson() const {
  return {{"objects", objects},     {"arrays", arrays},
          {"strings", strings},     {"numbers", numbers},
          {"trues", trues},         {"falses", falses},
          {"nulls", nulls},         {"members", members},
          {"elements", elements},   {"string_bytes", string_bytes},
          {"key_bytes", key_bytes}, {"number_checksum", FormatChecksum(number_checksum)}};
}

nlohmann::json JsonStats::ToTypedJson() const {
  return {{"strings", strings},
          {"numbers", numbers},
          {"trues", trues},
          {"falses", falses},
          {"nulls", nulls},
          {"string_bytes", string_bytes},
          {"number_checksum", FormatChecksum(number_checksum)}};
}

std::string FormatChecksum(std::uint64_t checksum) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(checksum));
  return hex;
}

std::uint64_t NumberChecksumTerm(double value) {
  if (value == 0.0) value = 0.0;  // -0.0 == 0.0, so this maps -0.0 to +0.0
  return SplitMix64Mix(std::bit_cast<std::uint64_t>(value));
}

JsonStats ComputeJsonStats(std::string_view text, const std::string& name_for_errors) {
  if (text.empty()) {
    throw Error(name_for_errors + ": empty file; a JSON document needs at least one value");
  }
  StatsSax sax;
  // nlohmann validates UTF-8 inside strings, parses numbers with strtod (locale-independent: it
  // swaps in the locale's decimal point), and in strict mode rejects trailing garbage.
  if (!nlohmann::json::sax_parse(text.begin(), text.end(), &sax)) {
    const std::size_t offset = sax.ErrorPosition() > 0 ? sax.ErrorPosition() - 1 : 0;
    throw Error(name_for_errors + ": invalid JSON at byte " + std::to_string(offset) + ": " +
                ReasonFromMessage(sax.ErrorMessage()));
  }
  JsonStats& stats = sax.Stats();
  // Every value is the root, a member's value or an array element, so the elements are what
  // remains; this avoids keeping a stack of container kinds.
  const std::uint64_t values = stats.objects + stats.arrays + stats.strings + stats.numbers +
                               stats.trues + stats.falses + stats.nulls;
  stats.elements = values - 1 - stats.members;
  return stats;
}

}  // namespace benchctl
